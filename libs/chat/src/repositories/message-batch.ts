import type { MessageEntity } from '../entities/message.entity.js';

/** What the seq reservation hands back: the new lastSeq plus the facts delivery needs (no extra read). */
export interface ReservedSeqs {
  lastSeq: number;
  channel: string;
  companyId: string;
}

/** Per row of a group commit, in input order. */
export type BatchOutcome =
  { kind: 'written'; facts: ReservedSeqs } | { kind: 'stored'; message: MessageEntity } | { kind: 'ended' };

/** Identity of a sender's idempotency key. */
export const clientKey = (conversationId: string, clientId: string): string => `${conversationId}\u0000${clientId}`;

/**
 * The pure middle of a group commit, shared by both drivers: given what was already stored,
 * counts the seqs each conversation needs (ids sorted: one lock order for every writer).
 */
export function countFresh(
  rows: MessageEntity[],
  stored: Map<string, MessageEntity>,
): { counts: Map<string, number>; ids: string[] } {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.clientId !== null && stored.has(clientKey(row.conversationId, row.clientId))) continue;
    counts.set(row.conversationId, (counts.get(row.conversationId) ?? 0) + 1);
  }
  return { counts, ids: [...counts.keys()].sort() };
}

/** Gives each fresh row its seq from the reserved ranges; returns the rows to insert and every row's outcome. */
export function assignSeqs(
  rows: MessageEntity[],
  stored: Map<string, MessageEntity>,
  counts: Map<string, number>,
  reserved: Map<string, ReservedSeqs>,
): { insert: MessageEntity[]; outcomes: BatchOutcome[] } {
  const next = new Map<string, number>();
  for (const [id, r] of reserved) next.set(id, r.lastSeq - counts.get(id)! + 1);
  const insert: MessageEntity[] = [];
  const outcomes = rows.map((row): BatchOutcome => {
    const earlier = row.clientId !== null ? stored.get(clientKey(row.conversationId, row.clientId)) : undefined;
    if (earlier) return { kind: 'stored', message: earlier };
    const seq = next.get(row.conversationId);
    if (seq === undefined) return { kind: 'ended' };
    row.seq = seq;
    next.set(row.conversationId, seq + 1);
    insert.push(row);
    return { kind: 'written', facts: reserved.get(row.conversationId)! };
  });
  return { insert, outcomes };
}
