import { Clock, FakeClock } from '@switchboard/core';
import { ConversationService, type ConversationView } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { PortalAbandonTimer } from './portal-abandon.timer.js';

const NOW = Date.UTC(2026, 0, 1);
const chat = (over: Partial<ConversationView>) =>
  ({ id: 'c1', channel: 'portal', status: 'waiting', meta: {}, ...over }) as ConversationView;

describe('PortalAbandonTimer', () => {
  const build = () => newTestService(PortalAbandonTimer, { types: [[Clock, new FakeClock(NOW)]] });

  it('turns a chat still waiting into a support request and ends it as abandoned', async () => {
    const { sut, fake } = build();
    fake(ConversationService).patchMeta.mockResolvedValue(chat({}));
    fake(ConversationService).end.mockResolvedValue(true);
    await sut.fire(chat({}));
    expect(fake(ConversationService).patchMeta).toHaveBeenCalledWith('c1', {
      caseType: 'support_request',
      submittedAt: new Date(NOW).toISOString(),
    });
    expect(fake(ConversationService).end).toHaveBeenCalledWith('c1', expect.objectContaining({ reason: 'abandoned' }));
  });

  it('leaves a taken, ended, gone or non-portal conversation alone', async () => {
    const { sut } = build();
    await sut.fire(null);
    await sut.fire(chat({ status: 'active' }));
    await sut.fire(chat({ status: 'ended' }));
    await sut.fire(chat({ channel: 'agent' }));
  });
});
