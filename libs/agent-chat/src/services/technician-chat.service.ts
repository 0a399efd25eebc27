import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  Clock,
  ConflictError,
  ContactService,
  DeviceService,
  DomainError,
  newId,
  NotFoundError,
  RealtimeService,
  ValidationFailedError,
  type AccountPrincipal,
  type DeviceView,
} from '@switchboard/core';
import { ConversationService, type ConversationView, type MessageView } from '@switchboard/chat';
import { TicketChatLinkService, type ChatTicketRef } from '@switchboard/tickets';
import { AGENT_CHANNEL, type AgentChatMeta, type AgentChatView } from '../agent-chat.types.js';
import { ChatOfferEntity } from '../entities/chat-offer.entity.js';
import { ChatOfferRepository } from '../repositories/chat-offer.repository.js';
import { AgentChannel } from './agent-channel.service.js';
import { agentChatAcceptDeadline } from './agent-chat-accept.timer.js';
import { acceptanceTimers } from './agent-chat-acceptance.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { metaOf, toAgentChatView } from './agent-chat-views.js';

/** How long ended chats stay in a technician's workspace list. */
const RECENTLY_ENDED_MS = 24 * 60 * 60_000;

/** The technicians' side: start a chat with a device (or from a ticket), take or decline requests, end, read. */
@Injectable()
export class TechnicianChatService {
  constructor(
    private readonly conversations: ConversationService,
    private readonly flow: AgentChatFlow,
    private readonly offers: ChatOfferRepository,
    private readonly notifier: AgentChatNotifier,
    private readonly channel: AgentChannel,
    private readonly devices: DeviceService,
    private readonly contacts: ContactService,
    private readonly tickets: TicketChatLinkService,
    private readonly realtime: RealtimeService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /**
   * "Chat" on a device page, or Actions → Start chat on a ticket. Works even when the company has
   * chat disabled (that setting only stops end users). From a ticket whose contact already has an
   * open chat on it, that chat is returned (`existing: true`) instead of a second request.
   */
  async start(
    me: AccountPrincipal,
    input: { deviceId?: string; ticketNumber?: number },
  ): Promise<{ chat: AgentChatView; existing: boolean }> {
    this.channel.assertEnabled();
    if (!input.deviceId && !input.ticketNumber)
      throw new ValidationFailedError('Say which device or ticket to chat from', {
        deviceId: ['deviceId or ticketNumber is required'],
      });
    const ticket = input.ticketNumber ? await this.tickets.byNumber(input.ticketNumber, me) : null;
    if (ticket) {
      const open = (await this.conversations.listOpenForTicket(AGENT_CHANNEL, ticket.id)).find(
        (c) => c.contactId === ticket.requesterId,
      );
      if (open) return { chat: toAgentChatView(open), existing: true };
    }
    const device = await this.pickDevice(me, input.deviceId, ticket);
    if (!device.helpdeskAgentEnabled) throw new ConflictError(`The helpdesk agent is disabled on ${device.name}`);
    const open = await this.conversations.listForInstance(AGENT_CHANNEL, device.id, ['waiting', 'active']);
    if (open.length) {
      const mine = open.find((c) => metaOf(c).technician?.id === me.id);
      if (mine) return { chat: toAgentChatView(mine), existing: true };
      throw new ConflictError(
        `${device.name} is already in a chat${metaOf(open[0]).technician ? ` with ${metaOf(open[0]).technician!.name}` : ''}`,
      );
    }
    if ((await this.realtime.roomSize('device', `device:${device.id}`)) === 0) {
      throw new DomainError('DEVICE_OFFLINE', `The helpdesk agent on ${device.name} is not connected`, 409);
    }
    const contactId = ticket?.requesterId ?? device.contactId;
    const contact = contactId ? (await this.contacts.getMany([contactId]))[0] : undefined;
    const meta: AgentChatMeta = {
      deviceId: device.id,
      deviceName: device.name,
      deviceOs: device.os,
      initiatedBy: 'technician',
      technician: { id: me.id, name: me.name },
      contactName: contact ? `${contact.firstName} ${contact.lastName}`.trim() : `User at ${device.name}`,
      ...(ticket ? { ticketNumber: ticket.number, ticketTitle: ticket.title, autoTicket: false } : {}),
    };
    let chat = await this.conversations.start({
      companyId: device.companyId,
      channel: AGENT_CHANNEL,
      channelInstanceId: device.id,
      contactId: contact?.id ?? null,
      status: 'waiting',
      meta: meta as unknown as Record<string, unknown>,
      participants: [{ kind: 'technician', refId: me.id, name: me.name, role: 'owner' }],
      // Armed in the start's transaction: no waiting request without its accept timeout.
      deadlines: [agentChatAcceptDeadline(this.clock.now())],
    });
    if (ticket) {
      await this.conversations.linkTicket(chat.id, ticket.id);
      chat = { ...chat, ticketId: ticket.id };
      await this.tickets.recordChatStarted(
        ticket.id,
        { kind: 'account', id: me.id, name: me.name },
        { conversationId: chat.id, with: meta.contactName },
      );
    }
    this.notifier.toDevice(device.id, 'chat.requested', {
      chat: this.notifier.deviceView(chat),
      technician: { name: me.name },
      ...(ticket ? { ticket: { number: ticket.number, title: ticket.title } } : {}),
    });
    this.notifier.updated(chat);
    return { chat: toAgentChatView(chat), existing: false };
  }

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

  private async pickDevice(
    me: AccountPrincipal,
    deviceId: string | undefined,
    ticket: ChatTicketRef | null,
  ): Promise<DeviceView> {
    if (deviceId) {
      const device = await this.devices.get(deviceId, me);
      if (ticket && device.companyId !== ticket.companyId)
        throw new ValidationFailedError("This device is not in the ticket's company", {
          deviceId: ["must belong to the ticket's company"],
        });
      return device;
    }
    const candidates = (await this.devices.listForContact(ticket!.requesterId)).filter((d) => d.helpdeskAgentEnabled);
    if (!candidates.length) throw new ConflictError("The ticket's contact has no device with the helpdesk agent");
    return candidates[0];
  }
}
