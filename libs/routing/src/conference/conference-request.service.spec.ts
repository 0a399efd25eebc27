import { Clock, TechnicianDirectory, TransactionRunner, type AccountPrincipal } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { AgentStateRepository } from '../repositories/agent-state.repository';
import { ConferenceRepository } from '../repositories/conference.repository';
import { ConferenceAnnouncer } from './conference-announcer.service';
import { ConferenceChatGuard } from './conference-chat.guard';
import { ConferenceRequestService } from './conference-request.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const me = { id: 'a1', name: 'Ada', role: 'technician' } as AccountPrincipal;
const contact = { id: 'c1', companyId: 'co1', queueId: 'q1', state: 'accepted', offeredTo: 'a1' };
const queue = { id: 'q1', name: 'Desk', offerTimeoutSeconds: 20 };
const bob = { id: 'b1', name: 'Bob' };

describe('ConferenceRequestService', () => {
  function setup() {
    const t = newTestService(ConferenceRequestService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(ConferenceChatGuard).heldChat.mockResolvedValue({ contact, queue } as never);
    t.fake(ConferenceChatGuard).assertNoOpenWrapUp.mockResolvedValue();
    t.fake(ConferenceChatGuard).holdInTx.mockResolvedValue();
    t.fake(TechnicianDirectory).serving.mockResolvedValue({ serving: [bob], refused: [] } as never);
    t.fake(ConferenceRepository).findOpen.mockResolvedValue(null);
    t.fake(ConferenceRepository).insertOpen.mockResolvedValue(true);
    t.fake(AgentStateRepository).claimSlot.mockResolvedValue(true);
    t.fake(ConversationTimers).schedule.mockResolvedValue(undefined as never);
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(ConferenceAnnouncer).offered.mockResolvedValue();
    t.fake(ConferenceAnnouncer).changed.mockReturnValue();
    return t;
  }

  it('rings the colleague: the open row, their slot and the deadline in one transaction, then both are told', async () => {
    const { sut, fake } = setup();
    expect(await sut.request('c1', 'b1', me)).toEqual({
      state: 'ringing',
      agentId: 'b1',
      agentName: 'Bob',
      requestedById: 'a1',
      requestedByName: 'Ada',
    });
    // The contact is locked as still mine in the same transaction, before the row goes in.
    expect(fake(ConferenceChatGuard).holdInTx).toHaveBeenCalledWith('c1', me, {});
    const row = fake(ConferenceRepository).insertOpen.mock.calls[0][0];
    expect(row).toMatchObject({ openKey: 'c1', state: 'ringing', expiresAt: new Date(now.getTime() + 20_000) });
    expect(fake(AgentStateRepository).claimSlot).toHaveBeenCalledWith('b1', {});
    expect(fake(ConversationTimers).schedule).toHaveBeenCalledWith(
      'routing.conference-offer',
      'c1',
      row.expiresAt,
      { conferenceId: row.id },
      {},
    );
    expect(fake(ConferenceAnnouncer).offered).toHaveBeenCalledWith(contact, 'Desk', row);
    expect(fake(ConferenceAnnouncer).changed).toHaveBeenCalledWith(row);
  });

  it('409 naming the colleague when they have no free slot (nothing announced)', async () => {
    const { sut, fake } = setup();
    fake(AgentStateRepository).claimSlot.mockResolvedValue(false);
    await expect(sut.request('c1', 'b1', me)).rejects.toMatchObject({
      status: 409,
      code: 'CONFERENCE_AGENT_UNAVAILABLE',
      message: expect.stringContaining('Bob'),
    });
    expect(fake(ConferenceAnnouncer).offered).not.toHaveBeenCalled();
  });

  it('409 when a conference is open already, also when another instance inserted it first', async () => {
    const first = setup();
    first.fake(ConferenceRepository).findOpen.mockResolvedValue({ id: 'x' } as never);
    await expect(first.sut.request('c1', 'b1', me)).rejects.toMatchObject({
      status: 409,
      code: 'CONFERENCE_ALREADY_OPEN',
    });
    const raced = setup();
    raced.fake(ConferenceRepository).insertOpen.mockResolvedValue(false);
    await expect(raced.sut.request('c1', 'b1', me)).rejects.toMatchObject({ code: 'CONFERENCE_ALREADY_OPEN' });
    expect(raced.fake(AgentStateRepository).claimSlot).not.toHaveBeenCalled();
  });

  it('409 when a transfer handed the contact on meanwhile (another tab or instance): no row, no slot', async () => {
    const { sut, fake } = setup();
    fake(ConferenceChatGuard).holdInTx.mockRejectedValue(
      Object.assign(new Error('changed meanwhile'), { status: 409 }),
    );
    await expect(sut.request('c1', 'b1', me)).rejects.toMatchObject({ status: 409 });
    expect(fake(ConferenceRepository).insertOpen).not.toHaveBeenCalled();
    expect(fake(AgentStateRepository).claimSlot).not.toHaveBeenCalled();
    expect(fake(ConferenceAnnouncer).offered).not.toHaveBeenCalled();
  });

  it('400 for yourself and for an agent who does not serve the company', async () => {
    await expect(setup().sut.request('c1', 'a1', me)).rejects.toMatchObject({ status: 400 });
    const refused = setup();
    refused
      .fake(TechnicianDirectory)
      .serving.mockResolvedValue({ serving: [], refused: [{ id: 'b1', message: 'account b1 (Bob) is deactivated' }] });
    await expect(refused.sut.request('c1', 'b1', me)).rejects.toMatchObject({
      status: 400,
      details: { fieldErrors: { accountId: ['account b1 (Bob) is deactivated'] } },
    });
  });
});
