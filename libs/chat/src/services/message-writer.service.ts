import { Injectable, Logger } from '@nestjs/common';
import { Clock, ConflictError, newId } from '@switchboard/core';
import type { EntityManager } from 'typeorm';
import type { MessageKind, ParticipantKind } from '../chat.types.js';
import { MessageEntity } from '../entities/message.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { MessageRepository } from '../repositories/message.repository.js';

export interface MessageDraft {
  conversationId: string;
  authorKind: ParticipantKind;
  authorAccountId?: string | null;
  authorContactId?: string | null;
  authorName: string;
  kind: MessageKind;
  body: string;
  clientId?: string | null;
  externalId?: string | null;
}

export interface WrittenMessage {
  message: MessageEntity;
  /** Immutable facts of the conversation (from the seq UPDATE), for delivery without another read. */
  conversation?: { channel: string; companyId: string };
  /** The clientId was already stored: this is the earlier message, nothing new was written. */
  duplicate: boolean;
}

interface Pending {
  draft: MessageDraft;
  resolve(result: WrittenMessage): void;
  reject(error: unknown): void;
}

type Outcome = WrittenMessage | { error: 'ended' };

/** Upper bound of one transaction: keeps statement size and lock time bounded under bursts. */
const MAX_BATCH = 500;

/**
 * Group commit. Every message arriving in the same event-loop turn (and while a commit is in
 * flight) is written in ONE transaction: idempotency lookup, one seq-reserving UPDATE, one
 * multi-row INSERT. Callers are resolved only after COMMIT, so nothing is acknowledged or
 * delivered that a crash could lose. One flush in flight per process: while it runs the next
 * batch accumulates, so batches grow with load instead of transactions piling up.
 */
@Injectable()
export class MessageWriter {
  private readonly logger = new Logger('MessageWriter');
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing = false;

  constructor(
    private readonly messages: MessageRepository,
    private readonly conversations: ConversationRepository,
    private readonly clock: Clock,
  ) {}

  write(draft: MessageDraft): Promise<WrittenMessage> {
    return new Promise<WrittenMessage>((resolve, reject) => {
      this.queue.push({ draft, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      await this.commitWithFallback(batch);
    } finally {
      this.flushing = false;
      if (this.queue.length) this.schedule();
    }
  }

  private async commitWithFallback(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.commit(batch.map((p) => p.draft));
      batch.forEach((p, i) => settle(p, outcomes[i]));
    } catch (error) {
      if (batch.length === 1) {
        // A clientId raced in from another instance between our lookup and insert: answer with theirs.
        const { draft } = batch[0];
        const existing = draft.clientId ? await this.messages.findByClientId(draft.conversationId, draft.clientId).catch(() => null) : null;
        if (existing) batch[0].resolve({ message: existing, duplicate: true });
        else batch[0].reject(error);
        return;
      }
      // One bad message must not fail its neighbours: retry each alone.
      this.logger.warn(`group commit of ${batch.length} failed (${(error as Error).message}); retrying one by one`);
      for (const p of batch) await this.commitWithFallback([p]);
    }
  }

  private commit(drafts: MessageDraft[]): Promise<Outcome[]> {
    return this.messages.runInTransaction(async (tx: EntityManager) => {
      const at = this.clock.now();
      const outcomes: (Outcome | undefined)[] = new Array(drafts.length);
      // Idempotency: stored earlier, or the same clientId twice in this batch.
      const withClient = drafts.filter((d) => d.clientId);
      const stored = await this.messages.findByClientIds(tx, withClient.map((d) => d.conversationId), withClient.map((d) => d.clientId!));
      const known = new Map(stored.map((m) => [`${m.conversationId}\u0000${m.clientId}`, m]));
      const fresh: Array<{ index: number; row: MessageEntity }> = [];
      const counts = new Map<string, number>();
      drafts.forEach((d, index) => {
        const key = d.clientId ? `${d.conversationId}\u0000${d.clientId}` : null;
        const earlier = key ? known.get(key) : undefined;
        if (earlier) {
          outcomes[index] = { message: earlier, duplicate: true };
          return;
        }
        const row = toRow(d, at);
        if (key) known.set(key, row);
        fresh.push({ index, row });
        counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
      });
      if (fresh.length) {
        const lastSeqs = await this.conversations.reserveSeqs(tx, counts, at);
        const next = new Map<string, number>();
        for (const [id, r] of lastSeqs) next.set(id, r.lastSeq - counts.get(id)! + 1);
        const rows: MessageEntity[] = [];
        for (const { index, row } of fresh) {
          const seq = next.get(row.conversationId);
          if (seq === undefined) {
            outcomes[index] = { error: 'ended' };
            continue;
          }
          row.seq = seq;
          next.set(row.conversationId, seq + 1);
          rows.push(row);
          const facts = lastSeqs.get(row.conversationId)!;
          outcomes[index] = { message: row, duplicate: false, conversation: { channel: facts.channel, companyId: facts.companyId } };
        }
        await this.messages.insertMany(tx, rows);
      }
      // In-batch duplicates point at the row written above (now with its seq).
      return outcomes.map((o) => o!);
    });
  }
}

function settle(p: Pending, outcome: Outcome): void {
  if ('error' in outcome) p.reject(new ConflictError('This conversation has ended'));
  else p.resolve(outcome);
}

function toRow(d: MessageDraft, at: Date): MessageEntity {
  return Object.assign(new MessageEntity(), {
    id: newId(),
    conversationId: d.conversationId,
    seq: 0,
    authorKind: d.authorKind,
    authorAccountId: d.authorAccountId ?? null,
    authorContactId: d.authorContactId ?? null,
    authorName: d.authorName,
    kind: d.kind,
    body: d.body,
    clientId: d.clientId ?? null,
    externalId: d.externalId ?? null,
    createdAt: at,
  });
}
