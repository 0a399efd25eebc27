import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  Clock,
  ConflictError,
  DomainError,
  NotFoundError,
  newId,
  type AccountPrincipal,
} from '@switchboard/core';
import { ConversationService, type ConversationView, type MessageView } from '@switchboard/chat';
import type { EarlierInTicket } from '@switchboard/contracts';
import { AGENT_CHANNEL, type AgentChatView } from '../agent-chat.types.js';
import { ChatOfferEntity } from '../entities/chat-offer.entity.js';
import { ChatOfferRepository } from '../repositories/chat-offer.repository.js';
import { acceptanceTimers } from './agent-chat-acceptance.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { metaOf, toAgentChatView } from './agent-chat-views.js';

/** How long ended chats stay in a technician's workspace list. */
const RECENTLY_ENDED_MS = 24 * 60 * 60_000;

/** The technicians' side of running chats: take or decline requests, end, read (starting one: TechnicianChatStartService). */
@Injectable()
export class TechnicianChatService {
  constructor(
    private readonly conversations: ConversationService,
    private readonly flow: AgentChatFlow,
    private readonly offers: ChatOfferRepository,
    private readonly notifier: AgentChatNotifier,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** Accept a user's request: the first technician wins, the others get a clear 409. */
  async accept(me: AccountPrincipal, id: string): Promise<AgentChatView> {
    const chat = await this.visible(me, id);
    this.flow.assertOpen(chat);
    if (
      metaOf(chat).initiatedBy !== 'contact' ||
      chat.status !== 'waiting' ||
      !(await this.conversations.activate(id, acceptanceTimers(this.clock.now())))
    ) {
      const now = await this.flow.load(id);
      const who = metaOf(now).technician?.name;
      throw new DomainError(
        'CHAT_ALREADY_TAKEN',
        now.status === 'ended'
          ? 'This chat request has ended'
          : `This chat was already accepted${who ? ` by ${who}` : ''}`,
        409,
      );
    }
    const at = this.clock.now();
    if (!(await this.offers.answer(id, me.id, 'accepted', at))) {
      await this.offers
        .insertMany([
          Object.assign(new ChatOfferEntity(), {
            id: newId(),
            conversationId: id,
            accountId: me.id,
            state: 'accepted',
            createdAt: at,
            answeredAt: at,
          }),
        ])
        .catch(() => undefined);
    }
    const others = await this.offers.closeOpen(id, at);
    this.notifier.offerClosed(id, others);
    await this.conversations.addParticipant(
      id,
      { kind: 'technician', refId: me.id, name: me.name, role: 'owner' },
      { announce: false },
    );
    return toAgentChatView(await this.flow.accepted(id, { id: me.id, name: me.name }));
  }

  /** Decline a user's request; when nobody offered is left, the user sees "Chat busy". */
  async decline(me: AccountPrincipal, id: string): Promise<{ declined: boolean }> {
    const chat = await this.visible(me, id);
    if (chat.status !== 'waiting' || metaOf(chat).initiatedBy !== 'contact')
      throw new ConflictError('This chat request is no longer open');
    const declined = await this.offers.answer(id, me.id, 'declined', this.clock.now());
    if (!declined) throw new ConflictError('This chat request was not offered to you, or you already answered it');
    this.notifier.offerClosed(id, [me.id]);
    if ((await this.offers.countOpen(id)) === 0) await this.flow.end(id, 'busy');
    return { declined: true };
  }

  async end(me: AccountPrincipal, id: string): Promise<AgentChatView> {
    const chat = await this.visible(me, id);
    this.flow.assertOpen(chat);
    if (!(await this.conversations.isActiveParticipant(id, 'technician', me.id)))
      throw new DomainError('FORBIDDEN', 'Only a technician in this chat can end it', 403);
    await this.flow.end(id, 'ended_by_technician', { kind: 'technician', id: me.id, name: me.name });
    return toAgentChatView(await this.flow.load(id));
  }

  async get(me: AccountPrincipal, id: string): Promise<AgentChatView> {
    return toAgentChatView(await this.visible(me, id));
  }

  /** Defect 8: the ticket conversation before the chat (null when the chat was not started from a ticket). `companyId`: the masking scope. */
  async earlier(me: AccountPrincipal, id: string): Promise<{ companyId: string; earlier: EarlierInTicket | null }> {
    const chat = await this.visible(me, id);
    return { companyId: chat.companyId, earlier: metaOf(chat).earlier ?? null };
  }

  async messages(me: AccountPrincipal, id: string, afterSeq = 0): Promise<{ items: MessageView[]; companyId: string }> {
    const chat = await this.visible(me, id);
    return { items: await this.conversations.listMessages(id, afterSeq), companyId: chat.companyId };
  }

  /** The workspace: chats I am in (open, and ended in the last 24 h) plus requests offered to me. */
  async list(me: AccountPrincipal): Promise<{ items: AgentChatView[] }> {
    const mine = await this.conversations.listForParticipant(AGENT_CHANNEL, 'technician', me.id, {
      endedSince: new Date(this.clock.now().getTime() - RECENTLY_ENDED_MS),
    });
    const offered = await this.offers.openForAccount(me.id);
    const seen = new Set(mine.map((c) => c.id));
    const extra: ConversationView[] = [];
    for (const o of offered) {
      if (seen.has(o.conversationId)) continue;
      const c = await this.conversations.get(o.conversationId).catch(() => null);
      if (c && c.status === 'waiting' && this.access.canAccessCompany(me, c.companyId)) extra.push(c);
    }
    return { items: [...extra, ...mine].map(toAgentChatView) };
  }

  /** Any technician serving the company may read a chat; others get the same 404 as for a missing one. */
  async visible(me: AccountPrincipal, id: string): Promise<ConversationView> {
    const chat = await this.flow.load(id);
    if (!this.access.canAccessCompany(me, chat.companyId)) throw new NotFoundError('Chat', id);
    return chat;
  }
}
