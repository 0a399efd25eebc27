import { Injectable } from '@nestjs/common';
import { Clock, DomainEventBus, NotFoundError } from '@switchboard/core';
import type { ConversationActor } from '../chat.types.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { ConversationMessageService } from './conversation-message.service.js';
import { ConversationTimers, type ConversationDeadline } from './conversation-timers.service.js';
import { ParticipantCache } from './participant-cache.js';
import type { LocalText } from './conversation-language.service.js';

export interface EndInput {
  reason: string;
  by?: ConversationActor | null;
  /** A system line stored before the end ("The customer ended the conversation"), per language. */
  text?: LocalText;
}

/** Timers that change with waiting → active, in the same transaction as the status change. */
export interface ActivationTimers {
  cancel?: string[];
  arm?: ConversationDeadline[];
}

/**
 * A conversation's status transitions after its start: waiting → active, the end, the purge.
 * Each moves the timers that depend on it in the same transaction as the status change.
 */
@Injectable()
export class ConversationStateService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly participants: ParticipantRepository,
    private readonly messages: ConversationMessageService,
    private readonly fanout: ConversationFanout,
    private readonly timers: ConversationTimers,
    private readonly cache: ParticipantCache,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  /**
   * waiting → active, atomically: exactly one of several racing callers (two technicians
   * accepting, two instances) gets true. Used when the acceptance is not an owner joining.
   */
  activate(conversationId: string, timers: ActivationTimers = {}): Promise<boolean> {
    return this.conversations.runInTransaction(async (tx) => {
      const won = await this.conversations.transition(conversationId, ['waiting'], { status: 'active' }, tx);
      if (!won) return false;
      await this.timers.cancelMany(timers.cancel ?? [], conversationId, tx);
      await this.timers.arm(conversationId, timers.arm ?? [], tx);
      return true;
    });
  }

  /** Ends once (atomic; a second caller gets false). Cancels the conversation's timers. */
  async end(conversationId: string, input: EndInput): Promise<boolean> {
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation) throw new NotFoundError('Conversation', conversationId);
    if (conversation.status === 'ended') return false;
    // Before the end's line and the status change: a screen session of the chat still writes its line.
    await this.events.publish('conversation.ending', {
      conversationId,
      companyId: conversation.companyId,
      channel: conversation.channel,
      reason: input.reason,
    });
    const posted = input.text ? await this.messages.postSystemMessage(conversationId, input.text) : null;
    // The clients get the line as stored (in the customer's language).
    const text = posted?.body ?? (typeof input.text === 'string' ? input.text : (input.text?.en ?? null));
    const now = this.clock.now();
    const by = input.by ?? null;
    // The end, its participants leaving and its timers going are one unit of work.
    const moved = await this.conversations.runInTransaction(async (tx) => {
      const won = await this.conversations.transition(
        conversationId,
        ['waiting', 'active'],
        {
          status: 'ended',
          endedAt: now,
          endedReason: input.reason.slice(0, 40),
          endedByKind: by?.kind ?? null,
          endedById: by?.id ?? null,
        },
        tx,
      );
      if (!won) return false;
      await this.participants.leaveAll(conversationId, now, tx);
      await this.timers.cancelAll(conversationId, tx);
      return true;
    });
    if (!moved) return false;
    this.cache.forgetConversation(conversationId);
    this.fanout.emit(conversation.channel, conversationId, 'conversation.ended', {
      conversationId,
      reason: input.reason,
      endedBy: by ? { kind: by.kind, name: by.name ?? 'System' } : null,
      text,
    });
    await this.events.publish('conversation.ended', {
      conversationId,
      companyId: conversation.companyId,
      channel: conversation.channel,
      reason: input.reason,
    });
    return true;
  }

  /** Erases the conversation, its participants and messages for good (GDPR-style deletion). */
  async purge(conversationId: string): Promise<void> {
    await this.timers.cancelAll(conversationId);
    await this.conversations.purge(conversationId);
    this.cache.forgetConversation(conversationId);
    // Screen recordings and sessions of the chat (portal lib) are erased with it.
    await this.events.publish('conversation.purged', { conversationId });
  }
}
