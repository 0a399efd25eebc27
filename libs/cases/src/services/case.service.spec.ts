import { AccessPolicy, Clock, DomainError, FakeClock, NotFoundError } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import type { CaseEntity } from '../entities/case.entity.js';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseNotifier } from './case-notifier.service.js';
import { CaseService } from './case.service.js';
import { CaseViewBuilder } from './case-views.service.js';

const NOW = Date.UTC(2026, 0, 1);
const me = { id: 'a1', name: 'Ada' } as never;
const kase = (over: Partial<CaseEntity> = {}) =>
  ({
    id: 'k1',
    companyId: 'co',
    type: 'live_chat',
    status: 'unassigned',
    chatStatus: 'waiting',
    ...over,
  }) as CaseEntity;

describe('CaseService', () => {
  function build() {
    const t = newTestService(CaseService, { types: [[Clock, new FakeClock(NOW)]] });
    t.fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    t.fake(CaseViewBuilder).one.mockImplementation(async (c: CaseEntity) => ({ id: c.id, status: c.status }) as never);
    t.fake(CaseNotifier).updated.mockResolvedValue(undefined);
    return t;
  }

  it('assign: the winner joins the live chat as owner (which voids its waiting timers) and the case turns active', async () => {
    const { sut, fake } = build();
    fake(CaseRepository).findById.mockResolvedValue(kase());
    fake(CaseRepository).transition.mockResolvedValue(true);
    fake(ConversationService).addParticipant.mockResolvedValue({} as never);
    fake(CaseRepository).patch.mockResolvedValue(undefined);
    await sut.assign('k1', me);
    expect(fake(CaseRepository).transition).toHaveBeenCalledWith(
      'k1',
      'unassigned',
      expect.objectContaining({ status: 'assigned', assigneeId: 'a1', assignedAt: new Date(NOW) }),
    );
    expect(fake(ConversationService).addParticipant).toHaveBeenCalledWith('k1', {
      kind: 'technician',
      refId: 'a1',
      name: 'Ada',
      role: 'owner',
    });
    expect(fake(CaseRepository).patch).toHaveBeenCalledWith('k1', { chatStatus: 'active' });
    expect(fake(CaseNotifier).updated).toHaveBeenCalledWith(expect.anything(), ['status', 'assignee', 'chatStatus']);
  });

  it('assign: the loser gets a 409 naming the winner and touches no chat', async () => {
    const { sut, fake } = build();
    fake(CaseRepository)
      .findById.mockResolvedValueOnce(kase())
      .mockResolvedValueOnce(kase({ status: 'assigned', assigneeId: 'b2', assigneeName: 'Bob' }));
    fake(CaseRepository).transition.mockResolvedValue(false);
    const error = await sut.assign('k1', me).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toBe('This case was just assigned to Bob');
    expect(fake(ConversationService).addParticipant).not.toHaveBeenCalled();
  });

  it('a case of a company the technician does not serve is a 404', async () => {
    const { sut, fake } = build();
    fake(CaseRepository).findById.mockResolvedValue(kase());
    fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(sut.get('k1', me)).rejects.toBeInstanceOf(NotFoundError);
  });
});
