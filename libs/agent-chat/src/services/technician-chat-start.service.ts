import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ContactService,
  DeviceService,
  DomainError,
  RealtimeService,
  ValidationFailedError,
  type AccountPrincipal,
  type DeviceView,
} from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { TicketChatLinkService, type ChatTicketRef } from '@switchboard/tickets';
import { AGENT_CHANNEL, type AgentChatMeta, type AgentChatView } from '../agent-chat.types.js';
import { AgentChannel } from './agent-channel.service.js';
import { agentChatAcceptDeadline } from './agent-chat-accept.timer.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { metaOf, toAgentChatView } from './agent-chat-views.js';

/** A technician starts a chat with a device, or from a ticket (its contact's device). */
@Injectable()
export class TechnicianChatStartService {
  constructor(
    private readonly conversations: ConversationService,
    private readonly notifier: AgentChatNotifier,
    private readonly channel: AgentChannel,
    private readonly devices: DeviceService,
    private readonly contacts: ContactService,
    private readonly tickets: TicketChatLinkService,
    private readonly realtime: RealtimeService,
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
    const contactName = contact ? `${contact.firstName} ${contact.lastName}`.trim() : `User at ${device.name}`;
    // Defect 8: both sides see what was said on the ticket before (taken now, so the chat's own
    // lines, copied onto the ticket as it runs, never show up as "earlier").
    const earlier = ticket ? await this.tickets.earlierConversation(ticket.id, contactName) : null;
    const meta: AgentChatMeta = {
      deviceId: device.id,
      deviceName: device.name,
      deviceOs: device.os,
      initiatedBy: 'technician',
      technician: { id: me.id, name: me.name },
      contactName,
      ...(ticket ? { ticketNumber: ticket.number, ticketTitle: ticket.title, autoTicket: false } : {}),
      ...(earlier ? { earlier } : {}),
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
    const requesterId = ticket!.requesterId;
    const candidates = requesterId
      ? (await this.devices.listForContact(requesterId)).filter((d) => d.helpdeskAgentEnabled)
      : [];
    if (!candidates.length) throw new ConflictError("The ticket's contact has no device with the helpdesk agent");
    return candidates[0];
  }
}
