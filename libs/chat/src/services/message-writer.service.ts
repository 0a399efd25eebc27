import { Injectable, Logger } from '@nestjs/common';
import { Clock, ConflictError, newId } from '@switchboard/core';
import type { MessageKind, ParticipantKind } from '../chat.types.js';
import { MessageEntity } from '../entities/message.entity.js';
import { clientKey } from '../repositories/message-batch.js';
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

/** Upper bound of one transaction: keeps statement size and lock time bounded under bursts. */
const MAX_BATCH = 500;

/**
 * Group commit. Every message arriving in the same event-loop turn (and while commits are in
 * flight) is written in ONE transaction: idempotency lookup, seq reservation on the conversation
 * rows, insert. Callers are resolved only after COMMIT, so nothing is acknowledged or delivered
 * that a crash could lose. At most `maxConcurrentCommits` batches are in flight (1 on SQLite, a
 * few on PostgreSQL to overlap round trips): beyond that the next batch accumulates, so batches
 * grow with load instead of transactions piling up.
 */
@Injectable()
export class MessageWriter {
  private readonly logger = new Logger('MessageWriter');
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Conversations with a commit in flight. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
  ) {}

  write(draft: MessageDraft): Promise<WrittenMessage> {
    return new Promise<WrittenMessage>((resolve, reject) => {
      this.queue.push({ draft, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.messages.maxConcurrentCommits) return;
    this.scheduled = true;
    // setImmediate: everything arriving in this event-loop turn joins the batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.take();
    if (!batch.length) return;
    const ids = new Set<string>();
    for (const p of batch) ids.add(p.draft.conversationId);
    for (const id of ids) this.busy.add(id);
    this.inFlight++;
    try {
      await this.commitWithFallback(batch);
    } finally {
      this.inFlight--;
      for (const id of ids) this.busy.delete(id);
      if (this.queue.length) this.schedule();
    }
  }

  /**
   * The next batch, in arrival order. Conversations already in an in-flight commit wait for the
   * next one: concurrent commits then never queue on each other's conversation row locks (and a
   * conversation's messages commit in order).
   */
  private take(): Pending[] {
    if (!this.busy.size && this.queue.length <= MAX_BATCH) {
      const all = this.queue;
      this.queue = [];
      return all;
    }
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const p of this.queue)
      (batch.length < MAX_BATCH && !this.busy.has(p.draft.conversationId) ? batch : rest).push(p);
    this.queue = rest;
    return batch;
  }

  private async commitWithFallback(batch: Pending[]): Promise<void> {
    try {
      await this.commit(batch);
    } catch (error) {
      if (batch.length === 1) {
        // A clientId raced in from another commit between its lookup and our insert: answer with theirs.
        const { draft } = batch[0];
        const existing = draft.clientId
          ? await this.messages.findByClientId(draft.conversationId, draft.clientId).catch(() => null)
          : null;
        if (existing) batch[0].resolve({ message: existing, duplicate: true });
        else batch[0].reject(error);
        return;
      }
      // One bad message must not fail its neighbours: retry each alone.
      this.logger.warn(`group commit of ${batch.length} failed (${(error as Error).message}); retrying one by one`);
      for (const p of batch) await this.commitWithFallback([p]);
    }
  }

  /** Commits the batch, then settles every caller (never before COMMIT has returned). */
  private async commit(batch: Pending[]): Promise<void> {
    const at = this.clock.now();
    // The same clientId twice in one batch is one message: later copies answer with the first row.
    const rows: MessageEntity[] = [];
    const firstOf = new Array<number>(batch.length);
    const seen = new Map<string, number>();
    for (let i = 0; i < batch.length; i++) {
      const d = batch[i].draft;
      const key = d.clientId ? clientKey(d.conversationId, d.clientId) : null;
      const first = key === null ? undefined : seen.get(key);
      if (first !== undefined) {
        firstOf[i] = first;
        continue;
      }
      if (key !== null) seen.set(key, rows.length);
      firstOf[i] = rows.length;
      rows.push(toRow(d, at));
    }
    const outcomes = await this.messages.commitBatch(rows, at);
    const claimed = new Array<boolean>(rows.length);
    for (let i = 0; i < batch.length; i++) {
      const r = firstOf[i];
      const outcome = outcomes[r];
      const repeat = claimed[r] === true;
      claimed[r] = true;
      if (outcome.kind === 'ended') batch[i].reject(new ConflictError('This conversation has ended'));
      else if (outcome.kind === 'stored') batch[i].resolve({ message: outcome.message, duplicate: true });
      else if (repeat) batch[i].resolve({ message: rows[r], duplicate: true });
      else
        batch[i].resolve({
          message: rows[r],
          duplicate: false,
          conversation: { channel: outcome.facts.channel, companyId: outcome.facts.companyId },
        });
    }
  }
}

function toRow(d: MessageDraft, at: Date): MessageEntity {
  const row = new MessageEntity();
  row.id = newId();
  row.conversationId = d.conversationId;
  row.seq = 0;
  row.authorKind = d.authorKind;
  row.authorAccountId = d.authorAccountId ?? null;
  row.authorContactId = d.authorContactId ?? null;
  // Lone UTF-16 surrogates become U+FFFD here, as UTF-8 encoding would make them anyway; the
  // PostgreSQL batch travels as JSON, which refuses them, and one must not fail the whole batch.
  row.authorName = d.authorName.toWellFormed();
  row.kind = d.kind;
  row.body = d.body.toWellFormed();
  row.clientId = d.clientId ?? null;
  row.externalId = d.externalId ?? null;
  row.createdAt = at;
  return row;
}
