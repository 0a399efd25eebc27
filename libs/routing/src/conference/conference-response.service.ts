import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, TransactionRunner, type AccountPrincipal } from '@switchboard/core';
import { ConversationService, ConversationTimers } from '@switchboard/chat';
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import type { ConferenceEntity } from '../entities/conference.entity.js';
import { ROUTING_CONFERENCE_OFFER_TIMER } from '../offers/routing-timers.js';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import type { ConferenceState } from '../routing.types.js';
import { AgentStateService } from '../services/agent-state.service.js';
import { ConferenceAnnouncer } from './conference-announcer.service.js';

/**
 * The asked agent's answer (the offer pop-up's Accept / Decline, through ContactOfferGateway) and the
 * request ringing out. Each is one guarded move out of `ringing` with its deadline, so an accept
 * racing the expiry on two instances has one winner.
 */
@Injectable()
export class ConferenceResponseService {
  constructor(
    private readonly conferences: ConferenceRepository,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly states: AgentStateService,
    private readonly conversations: ConversationService,
    private readonly announcer: ConferenceAnnouncer,
    private readonly clock: Clock,
  ) {}

  /** Whether a conference of this conversation rings for this agent (the gateway's switch). */
  async ringsFor(conversationId: string, accountId: string): Promise<boolean> {
    const c = await this.conferences.findOpen(conversationId);
    return c?.state === 'ringing' && c.agentId === accountId;
  }

  /** Joined: a member (not owner: the case stays with the agent who has it) who can write, and everyone is told. */
  async accept(conversationId: string, me: AccountPrincipal): Promise<{ conversationId: string }> {
    const c = await this.ringingForMe(conversationId, me);
    const joinedAt = this.clock.now();
    if (!(await this.leave(c, 'joined', { joinedAt }))) throw notRinging();
    await this.conversations.addParticipant(
      conversationId,
      { kind: 'technician', refId: me.id, name: me.name, role: 'member' },
      { announce: false },
    );
    // End conference on another instance may have ended it between the move and the add (its
    // removeParticipant then found nobody): read it back, so the agent does not stay in the chat.
    if ((await this.conferences.findOpen(conversationId))?.id !== c.id) {
      await this.conversations.removeParticipant(conversationId, 'technician', me.id, { announce: false });
      await this.announcer.closed(c, 'accepted');
      return { conversationId };
    }
    await this.conversations.postSystemMessage(
      conversationId,
      fillLine(CHAT_LINES.conferenceJoined, { name: me.name }),
    );
    await this.announcer.closed(c, 'accepted');
    this.announcer.changed({ ...c, state: 'joined', joinedAt });
    return { conversationId };
  }

  async decline(conversationId: string, me: AccountPrincipal): Promise<{ conversationId: string }> {
    const c = await this.ringingForMe(conversationId, me);
    if (!(await this.leave(c, 'declined', { endedAt: this.clock.now() }))) throw notRinging();
    await this.states.releaseSlot(me.id);
    await this.announcer.closed(c, 'declined');
    this.announcer.changed({ ...c, state: 'declined' });
    return { conversationId };
  }

  /** The deadline fired: the asked agent is in RONA (slot freed, Available again only by hand), like an offer. */
  async expire(conversationId: string, conferenceId: string): Promise<void> {
    const c = await this.conferences.findOpen(conversationId);
    if (c?.id !== conferenceId || c.state !== 'ringing') return;
    if (!(await this.leave(c, 'expired', { endedAt: this.clock.now() }))) return;
    await this.states.rona(c.agentId);
    await this.announcer.closed(c, 'expired');
    this.announcer.changed({ ...c, state: 'expired' });
  }

  private leave(
    c: ConferenceEntity,
    state: ConferenceState,
    at: Pick<ConferenceEntity, 'joinedAt'> | Pick<ConferenceEntity, 'endedAt'>,
  ) {
    return this.tx.run(async (tx) => {
      if (!(await this.conferences.move(c.id, 'ringing', { state, ...at }, tx))) return false;
      await this.timers.cancel(ROUTING_CONFERENCE_OFFER_TIMER, c.conversationId, tx);
      return true;
    });
  }

  private async ringingForMe(conversationId: string, me: AccountPrincipal): Promise<ConferenceEntity> {
    const c = await this.conferences.findOpen(conversationId);
    if (c?.state !== 'ringing' || c.agentId !== me.id) throw notRinging();
    return c;
  }
}

const notRinging = () => new ConflictError('This conference request is no longer open');
