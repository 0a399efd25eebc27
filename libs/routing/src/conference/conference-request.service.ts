import { Injectable } from '@nestjs/common';
import {
  Clock,
  DomainError,
  TechnicianDirectory,
  TransactionRunner,
  ValidationFailedError,
  newId,
  type AccountPrincipal,
} from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { ConferenceEntity } from '../entities/conference.entity.js';
import { ROUTING_CONFERENCE_OFFER_TIMER } from '../offers/routing-timers.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import type { ConferenceView } from '../routing.types.js';
import { ConferenceAnnouncer } from './conference-announcer.service.js';
import { ConferenceChatGuard } from './conference-chat.guard.js';
import { toConferenceView } from './conference.view.js';

/**
 * The agent who has a queue-routed chat asks a colleague in. One transaction = the ringing row (its
 * unique open key: one open conference per conversation, whichever instance asks), the colleague's
 * slot claimed by the conditional UPDATE the routing decision uses, and the ring-out deadline.
 */
@Injectable()
export class ConferenceRequestService {
  constructor(
    private readonly guard: ConferenceChatGuard,
    private readonly conferences: ConferenceRepository,
    private readonly states: AgentStateRepository,
    private readonly directory: TechnicianDirectory,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly announcer: ConferenceAnnouncer,
    private readonly clock: Clock,
  ) {}

  async request(conversationId: string, accountId: string, me: AccountPrincipal): Promise<ConferenceView> {
    const { contact, queue } = await this.guard.heldChat(conversationId, me);
    if (accountId === me.id)
      throw new ValidationFailedError('Pick another agent', { accountId: ['you already have this conversation'] });
    const check = await this.directory.serving(contact.companyId, [accountId]);
    const agent = check.serving[0];
    if (!agent)
      throw new ValidationFailedError('This agent cannot join the conversation', {
        accountId: check.refused.map((r) => r.message),
      });
    await this.guard.assertNoOpenWrapUp(conversationId, agent);
    if (await this.conferences.findOpen(conversationId)) throw alreadyOpen();
    const now = this.clock.now();
    const row = Object.assign(new ConferenceEntity(), {
      id: newId(),
      conversationId,
      companyId: contact.companyId,
      queueId: contact.queueId,
      requestedById: me.id,
      requestedByName: me.name,
      agentId: agent.id,
      agentName: agent.name,
      state: 'ringing' as const,
      openKey: conversationId,
      requestedAt: now,
      joinedAt: null,
      endedAt: null,
      expiresAt: new Date(now.getTime() + queue.offerTimeoutSeconds * 1000),
    });
    await this.tx.run(async (tx) => {
      // A transfer from another tab or instance may have handed the contact on since the guard read
      // it; the contact's row lock (taken first, like the transfer) makes one of them wait and lose.
      await this.guard.holdInTx(conversationId, me, tx);
      if (!(await this.conferences.insertOpen(row, tx))) throw alreadyOpen();
      // A failed claim throws: the row inserted above is rolled back with it.
      if (!(await this.states.claimSlot(agent.id, tx)))
        throw new DomainError(
          'CONFERENCE_AGENT_UNAVAILABLE',
          `${agent.name} is not Available with a free chat slot`,
          409,
        );
      await this.timers.schedule(
        ROUTING_CONFERENCE_OFFER_TIMER,
        conversationId,
        row.expiresAt,
        { conferenceId: row.id },
        tx,
      );
    });
    await this.announcer.offered(contact, queue.name, row);
    this.announcer.changed(row);
    return toConferenceView(row);
  }
}

const alreadyOpen = () =>
  new DomainError('CONFERENCE_ALREADY_OPEN', 'A conference of this conversation is already ringing or running', 409);
