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
      // The chat turns active in the same UPDATE.
      expect.objectContaining({
        status: 'assigned',
        assigneeId: 'a1',
        assignedAt: new Date(NOW),
        chatStatus: 'active',
      }),
    );
    expect(fake(ConversationService).addParticipant).toHaveBeenCalledWith('k1', {
      kind: 'technician',
      refId: 'a1',
      name: 'Ada',
      role: 'owner',
    });
    expect(fake(CaseRepository).patch).not.toHaveBeenCalled();
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

  describe('unassign', () => {
    const admin = { id: 'z9', name: 'Zed', role: 'admin' } as never;
    const tech = { id: 'a1', name: 'Ada', role: 'technician' } as never;

    it('from Assigned (by the assignee): clears the assignee in a guarded update and publishes', async () => {
      const { sut, fake } = build();
      fake(CaseRepository).findById.mockResolvedValue(
        kase({ status: 'assigned', assigneeId: 'a1', chatStatus: 'ended' }),
      );
      fake(CaseRepository).transition.mockResolvedValue(true);
      await sut.unassign('k1', tech);
      expect(fake(CaseRepository).transition).toHaveBeenCalledWith('k1', 'assigned', {
        status: 'unassigned',
        assigneeId: null,
        assigneeName: null,
        assignedAt: null,
        resolvedAt: null,
        updatedAt: new Date(NOW),
      });
      expect(fake(CaseNotifier).updated).toHaveBeenCalledWith(expect.anything(), ['status', 'assignee']);
    });

    it('from Resolved: any technician of the company; a lost race is a 409', async () => {
      const { sut, fake } = build();
      fake(CaseRepository).findById.mockResolvedValue(
        kase({ status: 'resolved', assigneeId: 'b2', type: 'support_request', chatStatus: null as never }),
      );
      fake(CaseRepository).transition.mockResolvedValue(false);
      await expect(sut.unassign('k1', tech)).rejects.toMatchObject({ status: 409 });
      expect(fake(CaseRepository).transition).toHaveBeenCalledWith('k1', 'resolved', expect.anything());
    });

    it("someone else's assigned case: 403 for a technician, allowed for an admin", async () => {
      const { sut, fake } = build();
      fake(CaseRepository).findById.mockResolvedValue(
        kase({ status: 'assigned', assigneeId: 'b2', chatStatus: 'ended' }),
      );
      fake(CaseRepository).transition.mockResolvedValue(true);
      await expect(sut.unassign('k1', tech)).rejects.toMatchObject({ status: 403 });
      await sut.unassign('k1', admin);
      expect(fake(CaseRepository).transition).toHaveBeenCalledTimes(1);
    });

    it('refuses while the live chat runs, and an unassigned case', async () => {
      const { sut, fake } = build();
      fake(CaseRepository).findById.mockResolvedValueOnce(
        kase({ status: 'assigned', assigneeId: 'a1', chatStatus: 'active' }),
      );
      await expect(sut.unassign('k1', tech)).rejects.toMatchObject({ status: 409, code: 'CASE_CHAT_RUNNING' });
      fake(CaseRepository).findById.mockResolvedValueOnce(kase());
      await expect(sut.unassign('k1', tech)).rejects.toMatchObject({ status: 409 });
      expect(fake(CaseRepository).transition).not.toHaveBeenCalled();
    });
  });
});
