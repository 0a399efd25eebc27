import { Injectable } from '@nestjs/common';
import { DeadlineScheduler, type DueTimer } from '@switchboard/core';

/**
 * Conversation timers (portal waiting offer, agent-chat accept in 2 min / idle 5 min, RONA,
 * SLA) as deadline rows keyed `<kind>:<conversationId>`: rescheduling moves the timer, ending
 * the conversation cancels all of them, two instances never fire one twice. Never setTimeout.
 */
@Injectable()
export class ConversationTimers {
  private readonly kinds = new Set<string>();

  constructor(private readonly scheduler: DeadlineScheduler) {}

  /** Register once per kind at module init; the handler receives the conversation id. */
  register(
    kind: string,
    handler: (conversationId: string, payload: Record<string, unknown>, timer: DueTimer) => Promise<void>,
  ): void {
    this.kinds.add(kind);
    this.scheduler.register(kind, (timer) => handler(String(timer.payload.conversationId), timer.payload, timer));
  }

  async schedule(
    kind: string,
    conversationId: string,
    dueAt: Date,
    payload: Record<string, unknown> = {},
  ): Promise<void> {
    await this.scheduler.schedule({
      kind,
      key: `${kind}:${conversationId}`,
      dueAt,
      payload: { ...payload, conversationId },
    });
  }

  async cancel(kind: string, conversationId: string): Promise<void> {
    await this.scheduler.cancel(`${kind}:${conversationId}`);
  }

  async cancelAll(conversationId: string): Promise<void> {
    for (const kind of this.kinds) await this.scheduler.cancel(`${kind}:${conversationId}`);
  }
}
