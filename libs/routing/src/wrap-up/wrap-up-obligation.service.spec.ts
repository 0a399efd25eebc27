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

  it('opens a wrap-up holding the slot, keyed by conversation and agent, and tells the agent', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue(null);
    fake(WrapUpRepository).insertWithoutReload.mockResolvedValue();
    const row = await sut.open(input);
    expect(row).toMatchObject({ openKey: 'c1:a1', holdsSlot: true, cause: 'customer_ended', wrappedAt: null });
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledWith('a1', 'wrap_up.due', {
      conversationId: 'c1',
      companyId: 'co1',
      wrapUp: { id: row.id, conversationId: 'c1', cause: 'customer_ended', openedAt: now.toISOString() },
    });
  });

  it('returns the open one instead of opening a second (a repeated end)', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue({ id: 'w0' } as never);
    expect(await sut.open(input)).toEqual({ id: 'w0' });
    expect(fake(RealtimeService).toAccount).not.toHaveBeenCalled();
  });

  it('returns the winner when another instance inserted it first (unique open key)', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository)
      .findOpen.mockResolvedValueOnce(null)
      .mockResolvedValueOnce({ id: 'w9' } as never);
    fake(WrapUpRepository).insertWithoutReload.mockRejectedValue(new Error('UNIQUE constraint failed'));
    expect(await sut.open(input)).toEqual({ id: 'w9' });
    expect(fake(RealtimeService).toAccount).not.toHaveBeenCalled();
  });

  it('rethrows an insert failure that is not the race', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue(null);
    fake(WrapUpRepository).insertWithoutReload.mockRejectedValue(new Error('disk full'));
    await expect(sut.open(input)).rejects.toThrow('disk full');
  });
});
