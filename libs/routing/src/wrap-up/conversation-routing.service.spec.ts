import { AccessPolicy, type AccountPrincipal } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConferenceRepository } from '../repositories/conference.repository';
import { QueueRepository } from '../repositories/queue.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { WrapUpRepository } from '../repositories/wrap-up.repository';
import { ConversationRoutingService } from './conversation-routing.service';

const me = { id: 'a1', role: 'technician' } as AccountPrincipal;
const contact = { id: 'c1', companyId: 'co1', queueId: 'q1', state: 'accepted', offeredTo: 'a1' };

describe('ConversationRoutingService', () => {
  function setup(queue: unknown) {
    const t = newTestService(ConversationRoutingService);
    t.fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(QueueRepository).findById.mockResolvedValue(queue as never);
    t.fake(WrapUpRepository).findOpen.mockResolvedValue(null);
    t.fake(ConferenceRepository).findOpen.mockResolvedValue(null);
    return t;
  }

  it('shows the queue, the agent and no wrap-up while the chat runs', async () => {
    expect(await setup({ id: 'q1', name: 'Support desk' }).sut.get('c1', me)).toEqual({
      conversationId: 'c1',
      queueId: 'q1',
      queueName: 'Support desk',
      queueDeleted: false,
      state: 'accepted',
      agentId: 'a1',
      wrapUp: null,
      conference: null,
    });
  });

  it('shows the open conference (a reload restores the pane)', async () => {
    const t = setup({ id: 'q1', name: 'Support desk' });
    t.fake(ConferenceRepository).findOpen.mockResolvedValue({
      state: 'joined',
      agentId: 'b1',
      agentName: 'Bob',
      requestedById: 'a1',
      requestedByName: 'Ada',
    } as never);
    expect((await t.sut.get('c1', me)).conference).toEqual({
      state: 'joined',
      agentId: 'b1',
      agentName: 'Bob',
      requestedById: 'a1',
      requestedByName: 'Ada',
    });
  });

  it('says when the queue was deleted', async () => {
    expect(await setup(null).sut.get('c1', me)).toMatchObject({ queueName: null, queueDeleted: true });
  });

  it('404 for a pool chat and for a company the viewer does not serve', async () => {
    const pool = setup(null);
    pool.fake(RoutingContactRepository).findById.mockResolvedValue(null);
    await expect(pool.sut.get('c1', me)).rejects.toMatchObject({ status: 404 });
    const other = setup(null);
    other.fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(other.sut.get('c1', me)).rejects.toMatchObject({ status: 404 });
  });
});
