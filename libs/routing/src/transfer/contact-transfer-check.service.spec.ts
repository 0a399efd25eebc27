import { AccessPolicy, TechnicianDirectory, type AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { AgentStateRepository } from '../repositories/agent-state.repository';
import { ConferenceRepository } from '../repositories/conference.repository';
import { QueueRepository } from '../repositories/queue.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { ContactTransferCheck, type HeldContact } from './contact-transfer-check.service';

const me = { id: 'a1', name: 'Ada', role: 'technician' } as AccountPrincipal;
const accepted = { id: 'c1', companyId: 'co1', state: 'accepted', offeredTo: 'a1', queueId: 'q1' };
const queue = { id: 'q1', name: 'Billing', companyIds: ['co1'] };
const held = { contact: accepted, queue } as unknown as HeldContact;

describe('ContactTransferCheck', () => {
  function setup(contact: unknown = accepted) {
    const t = newTestService(ContactTransferCheck);
    t.fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(ConversationService).get.mockResolvedValue({ status: 'active' } as never);
    t.fake(QueueRepository).findById.mockResolvedValue(queue as never);
    return t;
  }

  it('holds the contact for the agent who accepted it, with its queue', async () => {
    expect(await setup().sut.held('c1', me)).toEqual({ contact: accepted, queue });
  });

  it('404 pool chat / other company, 409 not accepted, 403 another agent, 409 ended, 409 queue deleted', async () => {
    await expect(setup(null).sut.held('c1', me)).rejects.toMatchObject({ status: 404 });
    const hidden = setup();
    hidden.fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(hidden.sut.held('c1', me)).rejects.toMatchObject({ status: 404 });
    await expect(setup({ ...accepted, state: 'waiting' }).sut.held('c1', me)).rejects.toMatchObject({ status: 409 });
    await expect(setup({ ...accepted, offeredTo: 'a2' }).sut.held('c1', me)).rejects.toMatchObject({ status: 403 });
    const ended = setup();
    ended.fake(ConversationService).get.mockResolvedValue({ status: 'ended' } as never);
    await expect(ended.sut.held('c1', me)).rejects.toMatchObject({ status: 409 });
    const gone = setup();
    gone.fake(QueueRepository).findById.mockResolvedValue(null);
    await expect(gone.sut.held('c1', me)).rejects.toMatchObject({ status: 409, code: 'ROUTING_QUEUE_DELETED' });
  });

  it('a target queue must take the company (400 fieldErrors.queueId)', async () => {
    const t = setup();
    t.fake(QueueRepository).findById.mockResolvedValue({ id: 'q2', companyIds: ['co2'] } as never);
    await expect(t.sut.targetQueue(held, 'q2')).rejects.toMatchObject({
      status: 400,
      details: { fieldErrors: { queueId: [expect.stringMatching(/does not take/)] } },
    });
    t.fake(QueueRepository).findById.mockResolvedValue({ id: 'q2', companyIds: ['co1'] } as never);
    expect(await t.sut.targetQueue(held, 'q2')).toMatchObject({ id: 'q2' });
  });

  it('a target agent: not me, serving the company, Available with a free slot (409 naming them otherwise)', async () => {
    const t = setup();
    await expect(t.sut.targetAgent(held, 'a1')).rejects.toMatchObject({ status: 409 });
    t.fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [],
      refused: [{ id: 'a9', message: "account a9 (Zed) does not serve the ticket's company" }],
    });
    await expect(t.sut.targetAgent(held, 'a9')).rejects.toMatchObject({ status: 409, message: /Zed/ });
    const bob = { id: 'a2', name: 'Bob' };
    t.fake(TechnicianDirectory).serving.mockResolvedValue({ serving: [bob], refused: [] } as never);
    t.fake(AgentStateRepository).findById.mockResolvedValue({
      state: 'not_ready',
      activeChats: 0,
      maxChats: 3,
    } as never);
    await expect(t.sut.targetAgent(held, 'a2')).rejects.toMatchObject({ message: 'Bob is not available (not ready)' });
    t.fake(AgentStateRepository).findById.mockResolvedValue({
      state: 'available',
      activeChats: 3,
      maxChats: 3,
    } as never);
    await expect(t.sut.targetAgent(held, 'a2')).rejects.toMatchObject({ message: 'Bob has no free chat slot' });
    t.fake(AgentStateRepository).findById.mockResolvedValue({
      state: 'available',
      activeChats: 1,
      maxChats: 3,
    } as never);
    expect(await t.sut.targetAgent(held, 'a2')).toBe(bob);
  });

  it('a ringing or joined conference blocks the transfer (409, read in the transfer transaction)', async () => {
    const t = setup();
    const tx = {} as never;
    t.fake(ConferenceRepository).findOpen.mockResolvedValue(null);
    await expect(t.sut.assertNoConference('c1', tx)).resolves.toBeUndefined();
    expect(t.fake(ConferenceRepository).findOpen).toHaveBeenCalledWith('c1', tx);
    t.fake(ConferenceRepository).findOpen.mockResolvedValue({ id: 'k1', state: 'joined' } as never);
    await expect(t.sut.assertNoConference('c1', tx)).rejects.toMatchObject({
      status: 409,
      code: 'CONFERENCE_ALREADY_OPEN',
    });
  });
});
