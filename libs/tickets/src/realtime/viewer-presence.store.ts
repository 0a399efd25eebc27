import type { ViewerView } from '../ticket.views.js';

/** One open ticket page: a socket of an account on some instance. */
export interface PresenceEntry extends ViewerView {
  socketId: string;
  instanceId: string;
  /** Epoch ms after which the entry counts as gone (its instance stopped refreshing it). */
  expiresAt: number;
}

/** Where viewer presence lives: in memory for one instance, in Redis when instances share it. */
export interface ViewerPresenceStore {
  add(number: number, entry: PresenceEntry): Promise<void>;
  remove(number: number, socketId: string): Promise<void>;
  list(number: number, now: number): Promise<PresenceEntry[]>;
  /** Extend the expiry of this instance's live entries. */
  refresh(entries: { number: number; socketId: string }[], expiresAt: number): Promise<void>;
}

export class MemoryPresenceStore implements ViewerPresenceStore {
  private readonly tickets = new Map<number, Map<string, PresenceEntry>>();

  async add(number: number, entry: PresenceEntry): Promise<void> {
    if (!this.tickets.has(number)) this.tickets.set(number, new Map());
    this.tickets.get(number)!.set(entry.socketId, entry);
  }

  async remove(number: number, socketId: string): Promise<void> {
    const m = this.tickets.get(number);
    m?.delete(socketId);
    if (m && m.size === 0) this.tickets.delete(number);
  }

  async list(number: number, now: number): Promise<PresenceEntry[]> {
    return [...(this.tickets.get(number)?.values() ?? [])].filter((e) => e.expiresAt > now);
  }

  async refresh(entries: { number: number; socketId: string }[], expiresAt: number): Promise<void> {
    for (const { number, socketId } of entries) {
      const e = this.tickets.get(number)?.get(socketId);
      if (e) e.expiresAt = expiresAt;
    }
  }
}
