import { Injectable } from '@nestjs/common';
import { AccountService, Clock } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import type { AgentStateEntity } from '../entities/agent-state.entity.js';
import type { QueueEntity } from '../entities/queue.entity.js';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';
import {
  DEFAULT_MAX_CHATS,
  type QueueBoardAgent,
  type QueueBoardContact,
  type QueueBoardToday,
  type QueueBoardView,
} from '../routing.types.js';

/** Start of the UTC day of `now`: the board's "today" (one day boundary for every instance and viewer). */
export const startOfUtcDay = (now: Date): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * The live queue board (supervisors): per queue the contacts waiting or ringing with their waits,
 * the members by agent state, and today's numbers. Read from the database on every call (no
 * in-memory state: any API instance answers the same). Masking of customer names is the REST
 * masker's job (each contact carries its companyId scope).
 */
@Injectable()
export class QueueBoardService {
  constructor(
    private readonly queues: QueueRepository,
    private readonly contacts: RoutingContactRepository,
    private readonly states: AgentStateRepository,
    private readonly wrapUps: WrapUpRepository,
    private readonly accounts: AccountService,
    private readonly conversations: ConversationService,
    private readonly clock: Clock,
  ) {}

  async board(): Promise<QueueBoardView> {
    const now = this.clock.now();
    // "Today" = since 00:00 UTC of the Clock's now.
    const since = startOfUtcDay(now);
    const queues = await this.queues.list();
    const queueIds = queues.map((q) => q.id);
    const [queued, arrived, left, averages, wrapped] = await Promise.all([
      this.contacts.queuedIn(queueIds),
      this.contacts.arrivedSince(queueIds, since),
      this.contacts.leftSince(queueIds, since),
      this.contacts.averageWaitSince(queueIds, since),
      this.wrapUps.wrappedSince(queueIds, since),
    ]);
    const memberIds = [...new Set(queues.flatMap((q) => q.memberIds))];
    const accountIds = [...new Set([...memberIds, ...queued.flatMap((c) => (c.offeredTo ? [c.offeredTo] : []))])];
    const [accounts, stateRows, customers] = await Promise.all([
      this.accounts.getMany(accountIds),
      this.states.states(memberIds),
      this.customerNames(queued),
    ]);
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const stateById = new Map(stateRows.map((s) => [s.id, s]));

    const agentOf = (id: string): QueueBoardAgent | null => {
      const account = accountById.get(id);
      if (!account) return null; // deleted account still listed as a member
      const row: AgentStateEntity | undefined = stateById.get(id);
      return {
        accountId: id,
        name: account.name,
        // No row before the first switch: the pool availability tells Available from Not ready.
        state: row?.state ?? (account.availability === 'available' ? 'available' : 'not_ready'),
        activeChats: row?.activeChats ?? 0,
        maxChats: row?.maxChats ?? DEFAULT_MAX_CHATS,
        stateSince: new Date(row?.stateSince ?? now).toISOString(),
      };
    };
    const contactOf = (c: RoutingContactEntity): QueueBoardContact => ({
      conversationId: c.id,
      companyId: c.companyId,
      customerName: customers.get(c.id) ?? 'Customer',
      state: c.state === 'offered' ? 'offered' : 'waiting',
      offeredToId: c.state === 'offered' ? c.offeredTo : null,
      offeredToName: c.state === 'offered' && c.offeredTo ? (accountById.get(c.offeredTo)?.name ?? null) : null,
      arrivedAt: new Date(c.arrivedAt).toISOString(),
      waitSeconds: Math.max(0, Math.floor((now.getTime() - new Date(c.arrivedAt).getTime()) / 1000)),
    });
    const todayOf = (q: QueueEntity): QueueBoardToday => {
      const count = (state: string) => left.find((l) => l.queueId === q.id && l.state === state)?.n ?? 0;
      const average = averages.get(q.id);
      const mine = wrapped.filter((w) => w.queueId === q.id);
      // Handle time: accept → the end that opened the wrap-up (wrap-up time itself not counted).
      const handled = mine.filter((w) => w.acceptedAt);
      const handle = handled.length
        ? handled.reduce((sum, w) => sum + (new Date(w.openedAt).getTime() - new Date(w.acceptedAt!).getTime()), 0) /
          handled.length /
          1000
        : null;
      const byReason = new Map<string, number>();
      for (const w of mine) if (w.reasonLabel) byReason.set(w.reasonLabel, (byReason.get(w.reasonLabel) ?? 0) + 1);
      return {
        arrived: arrived.get(q.id) ?? 0,
        accepted: count('accepted'),
        overflowed: count('overflowed'),
        withdrawn: count('withdrawn'),
        averageWaitSeconds: average === undefined ? null : Math.round(average),
        averageHandleSeconds: handle === null ? null : Math.round(handle),
        wrapUpReasons: [...byReason]
          .map(([label, count]) => ({ label, count }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
      };
    };

    return {
      generatedAt: now.toISOString(),
      since: since.toISOString(),
      queues: queues.map((q) => ({
        queueId: q.id,
        name: q.name,
        waiting: queued.filter((c) => c.queueId === q.id).map(contactOf),
        agents: q.memberIds.map(agentOf).filter((a): a is QueueBoardAgent => a !== null),
        today: todayOf(q),
      })),
    };
  }

  /** The customer (contact participant) of each queued conversation. */
  private async customerNames(contacts: RoutingContactEntity[]): Promise<Map<string, string>> {
    const entries = await Promise.all(
      contacts.map(async (c) => {
        const participants = await this.conversations.listParticipants(c.id);
        return [c.id, participants.find((p) => p.kind === 'contact')?.name ?? 'Customer'] as const;
      }),
    );
    return new Map(entries);
  }
}
