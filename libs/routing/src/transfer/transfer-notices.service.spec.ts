import { RealtimeService, TechnicianDirectory } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { TransferNotices } from './transfer-notices.service';

describe('TransferNotices', () => {
  function setup() {
    const t = newTestService(TransferNotices);
    t.fake(TechnicianDirectory).serving.mockImplementation(async (_c, ids) => ({
      serving: ids.map((id) => ({ id, name: id === 'a1' ? 'Ada' : 'Bob' })) as never,
      refused: [],
    }));
    t.fake(RealtimeService).toAccount.mockReturnValue(undefined as never);
    return t;
  }

  /** Contact c1 of company co1, transferred by a1 (Ada) to a2 (Bob); dropTransferTarget answers `drops` in turn. */
  function transferredContact(...drops: boolean[]) {
    const t = setup();
    const drop = t.fake(RoutingContactRepository).dropTransferTarget;
    for (const dropped of drops) drop.mockResolvedValueOnce(dropped);
    t.fake(RoutingContactRepository).findById.mockResolvedValue({
      id: 'c1',
      companyId: 'co1',
      transferFromId: 'a1',
    } as never);
    return t;
  }

  /** What the sender of c1's transfer is told. */
  const abandoned = (reason: string) => ({ conversationId: 'c1', companyId: 'co1', targetName: 'Bob', reason });

  it('names who transferred a contact, nothing for one never transferred', async () => {
    const { sut } = setup();
    expect(await sut.origin({ transferFromId: 'a1' } as never)).toEqual({ fromId: 'a1', fromName: 'Ada' });
    expect(await sut.origin({ transferFromId: null } as never)).toBeUndefined();
  });

  it('a declined / expired direct transfer tells its sender once (the instance that drops the target)', async () => {
    const { sut, fake } = transferredContact(true, false);
    await sut.offerClosed('a2', 'c1', 'declined');
    await sut.offerClosed('a2', 'c1', 'expired');
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledTimes(1);
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledWith(
      'a1',
      'contact.transfer_abandoned',
      abandoned('declined'),
    );
  });

  it('a ringing direct transfer the customer left or that overflowed tells its sender once, with the reason', async () => {
    const { sut, fake } = transferredContact(true, true, false);
    await sut.contactLeft('a2', 'c1', 'withdrawn');
    await sut.contactLeft('a2', 'c1', 'overflowed');
    await sut.contactLeft('a2', 'c1', 'overflowed');
    expect(fake(RoutingContactRepository).dropTransferTarget).toHaveBeenCalledWith('c1', 'a2');
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledTimes(2);
    expect(fake(RealtimeService).toAccount).toHaveBeenNthCalledWith(
      1,
      'a1',
      'contact.transfer_abandoned',
      abandoned('withdrawn'),
    );
    expect(fake(RealtimeService).toAccount.mock.calls[1][2]).toMatchObject({ reason: 'overflowed' });
  });

  it('accepted and withdrawn offers abandon nothing through offerClosed (contactLeft tells a withdrawal)', async () => {
    const { sut, fake } = setup();
    await sut.offerClosed('a2', 'c1', 'accepted');
    await sut.offerClosed('a2', 'c1', 'withdrawn');
    expect(fake(RoutingContactRepository).dropTransferTarget).not.toHaveBeenCalled();
  });
});
