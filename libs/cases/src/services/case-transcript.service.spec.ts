import { PiiMasker } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import type { CaseEntity } from '../entities/case.entity.js';
import { CaseService } from './case.service.js';
import { CaseTranscriptService } from './case-transcript.service.js';

const me = { id: 'a1', name: 'Ada' } as never;
const kase = { id: 'k1', companyId: 'co', createdAt: new Date(0), portal: { name: 'Acme' } } as unknown as CaseEntity;
const message = {
  id: 'm1',
  seq: 1,
  kind: 'text',
  body: 'card 4111 1111 1111 1111',
  author: { kind: 'visitor', name: 'Jane' },
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('CaseTranscriptService', () => {
  it('renders the messages as the masker returns them for the case company (#13.3)', async () => {
    const { sut, fake } = newTestService(CaseTranscriptService);
    fake(CaseService).load.mockResolvedValue(kase);
    fake(ConversationService).listMessages.mockResolvedValue([message] as never);
    fake(PiiMasker).maskPayload.mockImplementation(((payload: unknown, companyId: string | null) =>
      JSON.parse(JSON.stringify(payload).replace('4111 1111 1111 1111', `masked-for-${companyId}`))) as never);
    const text = await sut.render('k1', me, 'text');
    expect(text).toContain('card masked-for-co');
    expect(text).not.toContain('4111');
    expect(fake(CaseService).load).toHaveBeenCalledWith('k1', me);
  });
});
