import { Injectable } from '@nestjs/common';
import { ParticipantRepository } from '../repositories/participant.repository.js';

const TTL_MS = 2000;
const MAX_ENTRIES = 50_000;

interface Waiting {
  conversationId: string;
  kind: string;
  refId: string;
  settle: Array<{ resolve(value: boolean): void; reject(error: unknown): void }>;
}

/**
 * "Is X still in conversation Y?" answered from memory for a short while, so sending a message
 * costs no extra query. Changes made on this instance invalidate at once; on another instance a
 * departure is seen within TTL_MS (the ended-conversation check in the commit is authoritative).
 * Misses of one event-loop turn are answered by ONE query: with a thousand technician sockets,
 * each entry expiring every TTL_MS, per-key queries were a steady stream beside the message commits.
 */
@Injectable()
export class ParticipantCache {
  private readonly entries = new Map<string, { value: boolean; until: number }>();
  /** Keys to load at the end of this turn (and their callers). */
  private waiting = new Map<string, Waiting>();
  /** Bumped by every invalidation: a load that started before one does not store its (maybe stale) answers. */
  private version = 0;

  constructor(private readonly participants: ParticipantRepository) {}

  get(conversationId: string, kind: string, refId: string): Promise<boolean> {
    const key = `${conversationId}|${kind}|${refId}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.value);
    return new Promise<boolean>((resolve, reject) => {
      if (!this.waiting.size) setImmediate(() => void this.load());
      let w = this.waiting.get(key);
      if (!w) this.waiting.set(key, (w = { conversationId, kind, refId, settle: [] }));
      w.settle.push({ resolve, reject });
    });
  }

  forget(conversationId: string, kind: string, refId: string): void {
    this.version++;
    this.entries.delete(`${conversationId}|${kind}|${refId}`);
  }

  forgetConversation(conversationId: string): void {
    this.version++;
    for (const key of this.entries.keys()) if (key.startsWith(`${conversationId}|`)) this.entries.delete(key);
  }

  private async load(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    const version = this.version;
    const now = Date.now();
    let active: Set<string>;
    try {
      active = await this.participants.activeKeys([...new Set([...batch.values()].map((w) => w.conversationId))]);
    } catch (error) {
      for (const w of batch.values()) for (const s of w.settle) s.reject(error);
      return;
    }
    const store = version === this.version;
    if (store && this.entries.size + batch.size > MAX_ENTRIES) this.entries.clear();
    for (const [key, w] of batch) {
      const value = active.has(key);
      if (store) this.entries.set(key, { value, until: now + TTL_MS });
      for (const s of w.settle) s.resolve(value);
    }
  }
}
