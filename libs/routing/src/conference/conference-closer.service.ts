import { Injectable } from '@nestjs/common';
import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationService, ConversationTimers } from '@switchboard/chat';
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import type { ConferenceEntity } from '../entities/conference.entity.js';
import { ROUTING_CONFERENCE_OFFER_TIMER } from '../offers/routing-timers.js';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import type { WrapUpCause } from '../routing.types.js';
import { AgentStateService } from '../services/agent-state.service.js';
import { WrapUpObligationService } from '../wrap-up/wrap-up-obligation.service.js';
import { ConferenceAnnouncer } from './conference-announcer.service.js';

/**
 * Ends a conference: a ringing one is cancelled (the asked agent's pop-up withdrawn, their slot
 * freed); a joined one ends with the asked agent's wrap-up, which holds their slot until they submit.
 * Both are guarded moves: End racing the chat's end on two instances closes it once.
 */
@Injectable()
export class ConferenceCloser {
  constructor(
    private readonly conferences: ConferenceRepository,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly states: AgentStateService,
    private readonly conversations: ConversationService,
    private readonly obligations: WrapUpObligationService,
    private readonly announcer: ConferenceAnnouncer,
    private readonly clock: Clock,
  ) {}

  async cancel(c: ConferenceEntity): Promise<boolean> {
    const won = await this.tx.run(async (tx) => {
      if (!(await this.conferences.move(c.id, 'ringing', { state: 'cancelled', endedAt: this.clock.now() }, tx)))
        return false;
      await this.timers.cancel(ROUTING_CONFERENCE_OFFER_TIMER, c.conversationId, tx);
      return true;
    });
    if (!won) return false;
    await this.states.releaseSlot(c.agentId);
    await this.announcer.closed(c, 'withdrawn');
    this.announcer.changed({ ...c, state: 'cancelled' });
    return true;
  }

  /**
   * The asked agent's part is over. `leaveChat`: the chat goes on (End conference), so they leave it
   * with a line to everyone; when the chat itself ended there is nothing to leave.
   */
  async finish(c: ConferenceEntity, cause: WrapUpCause, leaveChat: boolean): Promise<boolean> {
    if (!(await this.conferences.move(c.id, 'joined', { state: 'ended', endedAt: this.clock.now() }))) return false;
    if (leaveChat) {
      await this.conversations.removeParticipant(c.conversationId, 'technician', c.agentId, { announce: false });
      await this.conversations.postSystemMessage(
        c.conversationId,
        fillLine(CHAT_LINES.conferenceLeft, { name: c.agentName }),
      );
    }
    await this.obligations.open({
      conversationId: c.conversationId,
      accountId: c.agentId,
      queueId: c.queueId,
      companyId: c.companyId,
      cause,
      acceptedAt: c.joinedAt,
    });
    this.announcer.changed({ ...c, state: 'ended' });
    return true;
  }
}
