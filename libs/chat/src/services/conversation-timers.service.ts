import { Injectable } from '@nestjs/common';
import { DeadlineScheduler, type DueTimer, type Tx } from '@switchboard/core';
import type { ConversationView } from '../chat.types.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { toConversationView } from './conversation-views.js';

/** A deadline to arm with a conversation state change (see `ConversationService.start` / `activate`). */
export interface ConversationDeadline {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/**
 * A firing gets the conversation loaded once (null when it is gone): the handler decides on that
 * view and passes it down instead of reading the row again.
 */
export type ConversationTimerHandler = (conversation: ConversationView | null, timer: DueTimer) => Promise<void>;

/**
 * Conversation timers (portal waiting offer / abandon, agent-chat accept / idle / auto ticket) as
 * deadline rows keyed `<kind>:<conversationId>`: rescheduling moves the timer, ending the
 * conversation cancels all of them, two instances never fire one twice. Never setTimeout.
 * Each kind is defined once, with its handler, in its own `*.timer.ts` home file.
 */
@Injectable()
export class ConversationTimers {
  private readonly kinds = new Set<string>();

  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly conversations: ConversationRepository,
  ) {}

  static keyOf(kind: string, conversationId: string): string {
    return `${kind}:${conversationId}`;
  }

  /** Declares a kind and its handler (once, at module init, from the kind's timer file). */
  define(kind: string, handler: ConversationTimerHandler): void {
    this.kinds.add(kind);
    this.scheduler.define({
      kind,
      process: async (timer) => {
        const row = await this.conversations.findById(String(timer.payload.conversationId));
        await handler(row ? toConversationView(row) : null, timer);
      },
    });
  }

  async schedule(
    kind: string,
    conversationId: string,
    dueAt: Date,
    payload: Record<string, unknown> = {},
    tx?: Tx,
  ): Promise<void> {
    await this.scheduler.schedule(
      { kind, key: ConversationTimers.keyOf(kind, conversationId), dueAt, payload: { ...payload, conversationId } },
      tx,
    );
  }

  /** Arms several deadlines of one conversation, in the caller's transaction. */
  async arm(conversationId: string, deadlines: ConversationDeadline[], tx?: Tx): Promise<void> {
    for (const d of deadlines) await this.schedule(d.kind, conversationId, d.dueAt, d.payload, tx);
  }

  async cancel(kind: string, conversationId: string, tx?: Tx): Promise<void> {
    await this.scheduler.cancel(ConversationTimers.keyOf(kind, conversationId), tx);
  }

  async cancelMany(kinds: string[], conversationId: string, tx?: Tx): Promise<void> {
    await this.scheduler.cancelMany(
      kinds.map((kind) => ConversationTimers.keyOf(kind, conversationId)),
      tx,
    );
  }

  /** Every defined kind, one statement (the conversation ended or is purged). */
  cancelAll(conversationId: string, tx?: Tx): Promise<void> {
    return this.cancelMany([...this.kinds], conversationId, tx);
  }
}
