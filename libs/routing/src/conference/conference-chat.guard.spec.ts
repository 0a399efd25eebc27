import { AccessPolicy, type AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { WrapUpRepository } from '../repositories/wrap-up.repository';
import { ConferenceChatGuard } from './conference-chat.guard';

const me = { id: 'a1', name: 'Ada' } as AccountPrincipal;
const accepted = { id: 'c1', companyId: 'co1', queueId: 'q1', state: 'accepted', offeredTo: 'a1' };

describe('ConferenceChatGuard', () => {
  function setup(contact: unknown = accepted, status = 'active', queue: unknown = { id: 'q1' }) {
    const t = newTestService(ConferenceChatGuard);
    t.fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(ConversationService).get.mockResolvedValue({ status } as never);
    t.fake(QueueRepository).findById.mockResolvedValue(queue as never);
    return t;
  }

  it('the running accepted chat of the caller, with its queue', async () => {
    expect(await setup().sut.heldChat('c1', me)).toEqual({ contact: accepted, queue: { id: 'q1' } });
  });

  it('404 pool chat / other company, 409 not accepted or ended or queue deleted, 403 someone else’s', async () => {
    await expect(setup(null).sut.heldChat('c1', me)).rejects.toMatchObject({ status: 404 });
    const other = setup();
    other.fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(other.sut.heldChat('c1', me)).rejects.toMatchObject({ status: 404 });
    await expect(setup({ ...accepted, state: 'offered' }).sut.heldChat('c1', me)).rejects.toMatchObject({
      status: 409,
    });
    await expect(setup({ ...accepted, offeredTo: 'b1' }).sut.heldChat('c1', me)).rejects.toMatchObject({ status: 403 });
    await expect(setup(accepted, 'ended').sut.heldChat('c1', me)).rejects.toMatchObject({ status: 409 });
    await expect(setup(accepted, 'active', null).sut.heldChat('c1', me)).rejects.toMatchObject({
      status: 409,
      code: 'ROUTING_QUEUE_DELETED',
    });
  });

  it('409 for a colleague still wrapping up an earlier part of the conversation', async () => {
    const t = setup();
    t.fake(WrapUpRepository).findOpen.mockResolvedValue({ id: 'w1' } as never);
    await expect(t.sut.assertNoOpenWrapUp('c1', { id: 'b1', name: 'Bob' })).rejects.toMatchObject({
      status: 409,
      code: 'CONFERENCE_AGENT_WRAPPING_UP',
    });
    t.fake(WrapUpRepository).findOpen.mockResolvedValue(null);
    await expect(t.sut.assertNoOpenWrapUp('c1', { id: 'b1', name: 'Bob' })).resolves.toBeUndefined();
  });

  it('holdInTx: the contact still accepted by me, locked in the given transaction; 409 once it moved', async () => {
    const t = setup();
    const tx = {} as never;
    t.fake(RoutingContactRepository).holdAccepted.mockResolvedValue(true);
    await expect(t.sut.holdInTx('c1', me, tx)).resolves.toBeUndefined();
    expect(t.fake(RoutingContactRepository).holdAccepted).toHaveBeenCalledWith('c1', me.id, tx);
    t.fake(RoutingContactRepository).holdAccepted.mockResolvedValue(false);
    await expect(t.sut.holdInTx('c1', me, tx)).rejects.toMatchObject({ status: 409, message: /transferred/ });
  });
});
