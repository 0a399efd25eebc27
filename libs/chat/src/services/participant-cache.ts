import { Injectable } from '@nestjs/common';

const TTL_MS = 2000;
const MAX_ENTRIES = 50_000;

/**
 * "Is X still in conversation Y?" answered from memory for a short while, so sending a message
 * costs no extra query. Changes made on this instance invalidate at once; on another instance a
 * departure is seen within TTL_MS (the ended-conversation check in the commit is authoritative).
 */
@Injectable()
export class ParticipantCache {
  private readonly entries = new Map<string, { value: boolean; until: number }>();

  async get(conversationId: string, kind: string, refId: string, load: () => Promise<boolean>): Promise<boolean> {
    const key = `${conversationId}|${kind}|${refId}`;
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, until: now + TTL_MS });
    return value;
  }

  forget(conversationId: string, kind: string, refId: string): void {
    this.entries.delete(`${conversationId}|${kind}|${refId}`);
  }

  forgetConversation(conversationId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${conversationId}|`)) this.entries.delete(key);
  }
}
