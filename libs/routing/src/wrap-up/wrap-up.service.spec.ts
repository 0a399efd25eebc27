import { Clock, NotFoundError, RealtimeService, type AccountPrincipal } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { WrapUpRepository } from '../repositories/wrap-up.repository';
import { AgentStateService } from '../services/agent-state.service';
import { WrapUpReasonService } from '../services/wrap-up-reason.service';
import { WrapUpService } from './wrap-up.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const me = { id: 'a1', name: 'Alice', role: 'technician' } as AccountPrincipal;
const open = {
  id: 'w1',
  conversationId: 'c1',
  accountId: 'a1',
  cause: 'ended',
  holdsSlot: true,
  openedAt: now,
  reasonId: null,
  reasonLabel: null,
  note: null,
  wrappedAt: null,
};

describe('WrapUpService', () => {
  function setup() {
    const t = newTestService(WrapUpService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(RealtimeService).toAccount.mockReturnValue(undefined);
    t.fake(AgentStateService).releaseSlot.mockResolvedValue();
    t.fake(WrapUpReasonService).active.mockResolvedValue({ id: 'r1', label: 'Solved' } as never);
    return t;
  }

  it('records the reason and note, frees the slot and tells the agent', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue(open as never);
    fake(WrapUpRepository).submit.mockResolvedValue(true);
    const view = await sut.submit('c1', me, { reasonId: 'r1', note: '  reset the password  ' });
    expect(view).toMatchObject({ reasonId: 'r1', reasonLabel: 'Solved', note: 'reset the password' });
    expect(view.wrappedAt).toBe(now.toISOString());
    expect(fake(AgentStateService).releaseSlot).toHaveBeenCalledWith('a1');
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledWith('a1', 'wrap_up.done', {
      conversationId: 'c1',
      wrapUpId: 'w1',
    });
  });

  it('keeps the slot when the wrap-up does not hold one', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue({ ...open, holdsSlot: false } as never);
    fake(WrapUpRepository).submit.mockResolvedValue(true);
    await sut.submit('c1', me, { reasonId: 'r1' });
    expect(fake(AgentStateService).releaseSlot).not.toHaveBeenCalled();
  });

  it('409 when nothing is due, or when another tab submitted first (slot freed once)', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValueOnce(null);
    await expect(sut.submit('c1', me, { reasonId: 'r1' })).rejects.toMatchObject({
      code: 'WRAP_UP_NOT_DUE',
      status: 409,
    });
    fake(WrapUpRepository).findOpen.mockResolvedValue(open as never);
    fake(WrapUpRepository).submit.mockResolvedValue(false);
    await expect(sut.submit('c1', me, { reasonId: 'r1' })).rejects.toMatchObject({ status: 409 });
    expect(fake(AgentStateService).releaseSlot).not.toHaveBeenCalled();
  });

  it('an unknown or inactive reason is a 400 naming reasonId', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue(open as never);
    fake(WrapUpReasonService).active.mockRejectedValue(new NotFoundError('Wrap-up reason', 'r9'));
    await expect(sut.submit('c1', me, { reasonId: 'r9' })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { reasonId: ['wrap-up reason r9 does not exist or is inactive'] },
    });
  });

  it('lists the agent’s open wrap-ups', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).pendingFor.mockResolvedValue([open] as never);
    expect(await sut.pending(me)).toEqual([expect.objectContaining({ id: 'w1', cause: 'ended', wrappedAt: null })]);
  });
});
