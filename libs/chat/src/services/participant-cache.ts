import { Injectable, OnModuleInit } from '@nestjs/common';
import { InstanceBus } from '@switchboard/core';
import { ParticipantRepository } from '../repositories/participant.repository.js';

/** A safety net only: changes reach every instance's cache at once (below). */
const TTL_MS = 60_000;
const MAX_ENTRIES = 50_000;
const TOPIC = 'chat.participants.changed';

interface Waiting {
  conversationId: string;
  member: string;
  settle: Array<{ resolve(value: boolean): void; reject(error: unknown): void }>;
}
interface Entry {
  value: boolean;
  until: number;
}

/**
 * "Is X still in conversation Y?" answered from memory, so sending a message costs no extra query.
 * Every participant change (made by ConversationService) forgets the answers it affects on this
 * instance at once and on the others through the InstanceBus; if that note may have been missed
 * (the bus reconnected) everything is forgotten; the TTL is a last resort. The commit's own
 * ended-conversation check stays authoritative. (With a 2 s TTL, a technician writing every few
 * seconds missed almost every time: one query per message, and its garbage drove the old-generation
 * GCs that made the p99 at 1,000 msg/s (bench/portal).)
 * Misses of one event-loop turn are answered by ONE query.
 */
@Injectable()
export class ParticipantCache implements OnModuleInit {
  /** conversationId → "kind|refId" → answer. */
  private entries = new Map<string, Map<string, Entry>>();
  private size = 0;
  /** Keys to load at the end of this turn (and their callers). */
  private waiting = new Map<string, Waiting>();
  /** Bumped by every invalidation: a load that started before one does not store its (maybe stale) answers. */
  private version = 0;

  constructor(
    private readonly participants: ParticipantRepository,
    private readonly bus: InstanceBus,
  ) {}

  onModuleInit(): void {
    this.bus.on(TOPIC, (note) => {
      const { conversationId, member } = (note ?? {}) as { conversationId?: unknown; member?: unknown };
      if (typeof conversationId !== 'string') return;
      this.drop(conversationId, typeof member === 'string' ? member : null);
    });
    this.bus.onResync(() => this.clear());
  }

  get(conversationId: string, kind: string, refId: string): Promise<boolean> {
    const member = `${kind}|${refId}`;
    const hit = this.entries.get(conversationId)?.get(member);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.value);
    return new Promise<boolean>((resolve, reject) => {
      if (!this.waiting.size) setImmediate(() => void this.load());
      const key = `${conversationId}|${member}`;
      let w = this.waiting.get(key);
      if (!w) this.waiting.set(key, (w = { conversationId, member, settle: [] }));
      w.settle.push({ resolve, reject });
    });
  }

  forget(conversationId: string, kind: string, refId: string): void {
    this.drop(conversationId, `${kind}|${refId}`);
    this.bus.toOthers(TOPIC, { conversationId, member: `${kind}|${refId}` });
  }

  forgetConversation(conversationId: string): void {
    this.drop(conversationId, null);
    this.bus.toOthers(TOPIC, { conversationId });
  }

  private drop(conversationId: string, member: string | null): void {
    this.version++;
    const members = this.entries.get(conversationId);
    if (!members) return;
    if (member === null) {
      this.size -= members.size;
      this.entries.delete(conversationId);
    } else if (members.delete(member)) this.size--;
  }

  private clear(): void {
    this.version++;
    this.entries = new Map();
    this.size = 0;
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
    if (store && this.size + batch.size > MAX_ENTRIES) this.clear();
    for (const [key, w] of batch) {
      const value = active.has(key);
      if (store) {
        let members = this.entries.get(w.conversationId);
        if (!members) this.entries.set(w.conversationId, (members = new Map()));
        if (!members.has(w.member)) this.size++;
        members.set(w.member, { value, until: now + TTL_MS });
      }
      for (const s of w.settle) s.resolve(value);
    }
  }
}
