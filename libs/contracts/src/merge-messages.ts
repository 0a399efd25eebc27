// How a client merges a conversation's messages (the technician's useConversation, the visitor's
// chat): shared so both screens order and de-duplicate the same way. Pure, dependency-free.

/** The part of a message the merge reads; `pending` marks one of ours not yet acknowledged. */
export interface MergeableMessage {
  id: string;
  seq: number;
  clientId: string | null;
  pending?: 'sending' | 'failed';
}

/**
 * By id (a re-delivered message replaces its copy); the committed copy of one of ours replaces the
 * optimistic one with the same clientId; committed messages by seq, ours still pending at the end
 * in the order they were written. Returns `list` itself when there is nothing to merge.
 */
export function mergeMessages<M extends MergeableMessage>(list: M[], incoming: M[]): M[] {
  if (!incoming.length) return list;
  const byId = new Map(list.map((m) => [m.id, m] as const));
  const pendingByClient = new Map<string, string>();
  for (const m of list) if (m.pending && m.clientId) pendingByClient.set(m.clientId, m.id);
  for (const m of incoming) {
    const local = m.clientId ? pendingByClient.get(m.clientId) : undefined;
    if (local !== undefined && local !== m.id) byId.delete(local);
    byId.set(m.id, m);
  }
  // Array.prototype.sort is stable: pending ones keep their order.
  return [...byId.values()].sort((a, b) => (a.pending ? 1 : 0) - (b.pending ? 1 : 0) || a.seq - b.seq);
}
