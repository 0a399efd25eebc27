import { Clock, RealtimeService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { WrapUpRepository } from '../repositories/wrap-up.repository';
import { WrapUpObligationService } from './wrap-up-obligation.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const input = {
  conversationId: 'c1',
  accountId: 'a1',
  queueId: 'q1',
  companyId: 'co1',
  cause: 'customer_ended' as const,
  acceptedAt: new Date('2026-01-01T09:50:00.000Z'),
};

describe('WrapUpObligationService', () => {
  function setup() {
    const t = newTestService(WrapUpObligationService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(RealtimeService).toAccount.mockReturnValue(undefined);
    return t;
  }

  it('opens a wrap-up holding the slot, keyed by conversation and agent, and tells the agent (one INSERT, no lookup)', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).insertIfNew.mockResolvedValue(true);
    const row = await sut.open(input);
    expect(row).toMatchObject({ openKey: 'c1:a1', holdsSlot: true, cause: 'customer_ended', wrappedAt: null });
    expect(fake(WrapUpRepository).findOpen).not.toHaveBeenCalled();
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledWith('a1', 'wrap_up.due', {
      conversationId: 'c1',
      companyId: 'co1',
      wrapUp: { id: row.id, conversationId: 'c1', cause: 'customer_ended', openedAt: now.toISOString() },
    });
  });

  it('returns the open one instead of opening a second (a repeated end, another instance first)', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).insertIfNew.mockResolvedValue(false);
    fake(WrapUpRepository).findOpen.mockResolvedValue({ id: 'w0' } as never);
    expect(await sut.open(input)).toEqual({ id: 'w0' });
    expect(fake(WrapUpRepository).findOpen).toHaveBeenCalledWith('c1', 'a1');
    expect(fake(RealtimeService).toAccount).not.toHaveBeenCalled();
  });

  it('rethrows an insert failure, and fails loudly when nothing was inserted yet none is open', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).insertIfNew.mockRejectedValue(new Error('disk full'));
    await expect(sut.open(input)).rejects.toThrow('disk full');
    fake(WrapUpRepository).insertIfNew.mockResolvedValue(false);
    fake(WrapUpRepository).findOpen.mockResolvedValue(null);
    await expect(sut.open(input)).rejects.toThrow('neither inserted nor open');
    expect(fake(RealtimeService).toAccount).not.toHaveBeenCalled();
  });
});
