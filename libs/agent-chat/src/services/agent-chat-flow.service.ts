import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError } from '@switchboard/core';
import { ConversationService, type ConversationView } from '@switchboard/chat';
import { AGENT_CHAT_END_LINES, AGENT_CHAT_ENDED_LINE, CHAT_LINES, fillLine } from '@switchboard/contracts';
import { AGENT_CHANNEL } from '../agent-chat.types.js';
import { ChatOfferRepository } from '../repositories/chat-offer.repository.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { metaOf } from './agent-chat-views.js';

/**
 * The state changes both sides share: acceptance (its timers are armed by the transition itself),
 * ending (with the reason each side is told), "busy". Every transition is an atomic UPDATE on
 * the conversation row, so a double click, a timer and another instance can race safely.
 */
@Injectable()
export class AgentChatFlow {
  constructor(
    private readonly conversations: ConversationService,
    private readonly offers: ChatOfferRepository,
    private readonly notifier: AgentChatNotifier,
    private readonly clock: Clock,
  ) {}

  /** An agent chat, or 404 (other channels are not reachable through agent chat routes). */
  async load(id: string): Promise<ConversationView> {
    const c = await this.conversations.get(id).catch(() => null);
    if (!c || c.channel !== AGENT_CHANNEL) throw new NotFoundError('Chat', id);
    return c;
  }

  /** Right after the waiting → active transition this caller won (which already swapped the timers). */
  async accepted(conversationId: string, technician: { id: string; name: string }): Promise<ConversationView> {
    const now = this.clock.now();
    const chat = await this.conversations.patchMeta(conversationId, { acceptedAt: now.toISOString(), technician });
    await this.conversations.postSystemMessage(conversationId, fillLine(CHAT_LINES.started, { name: technician.name }));
    const fresh = await this.load(conversationId);
    this.notifier.updated(fresh);
    this.notifier.toDevice(metaOf(chat).deviceId, 'chat.started', {
      chat: this.notifier.deviceView(fresh),
      technician: { name: technician.name },
    });
    return fresh;
  }

  /**
   * Ends once (the conversation core's atomic end); both sides are told why. A user-initiated
   * request that ends before anyone accepted is "busy" for the user (retry or leave a ticket).
   */
  async end(
    conversationId: string,
    reason: string,
    by: Parameters<ConversationService['end']>[1]['by'] = null,
  ): Promise<boolean> {
    const text = AGENT_CHAT_END_LINES[reason] ?? AGENT_CHAT_ENDED_LINE;
    const ended = await this.conversations.end(conversationId, { reason, by, text });
    if (!ended) return false;
    const chat = await this.load(conversationId);
    const offered = await this.offers.closeOpen(conversationId, this.clock.now());
    this.notifier.offerClosed(conversationId, offered);
    this.notifier.updated(chat, offered);
    const m = metaOf(chat);
    const event = reason === 'busy' ? 'chat.busy' : 'chat.closed';
    // The helpdesk agent gets the line as the log has it: in the chat's language.
    const said = text[await this.conversations.languageOf(conversationId)];
    this.notifier.toDevice(m.deviceId, event, { chat: this.notifier.deviceView(chat), reason, text: said });
    return true;
  }

  /** The ended chat is what the caller wanted to change: a clear 409 instead of a silent no-op. */
  assertOpen(chat: ConversationView): void {
    if (chat.status === 'ended') throw new ConflictError('This chat has ended');
  }
}
