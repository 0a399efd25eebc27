import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ContactService,
  DeviceService,
  DomainError,
  ForbiddenError,
  newId,
  NotFoundError,
  SettingsService,
  TechnicianDirectory,
  type DevicePrincipal,
  type DeviceView,
} from '@switchboard/core';
import {
  ConversationService,
  type ConversationActor,
  type ConversationView,
  type MessageView,
} from '@switchboard/chat';
import { AGENT_CHANNEL, type AgentChatMeta, type DeviceChatView } from '../agent-chat.types.js';
import { ChatOfferEntity } from '../entities/chat-offer.entity.js';
import { ChatOfferRepository } from '../repositories/chat-offer.repository.js';
import { AgentChannel } from './agent-channel.service.js';
import { agentChatAcceptDeadline } from './agent-chat-accept.timer.js';
import { acceptanceTimers } from './agent-chat-acceptance.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { metaOf, toDeviceChatView } from './agent-chat-views.js';

/** Who is writing from the device in one chat (resolved once per socket and chat). */
export interface DeviceAuthor {
  conversationId: string;
  companyId: string;
  actor: Extract<ConversationActor, { kind: 'contact' }>;
}

export interface DeviceState {
  device: {
    id: string;
    name: string;
    companyId: string;
    helpdeskAgentEnabled: boolean;
    chatEnabled: boolean;
    contact: { id: string; name: string; email: string | null } | null;
  };
  chats: DeviceChatView[];
}

export type ChatRequestResult =
  { status: 'waiting' | 'active'; chat: DeviceChatView } | { status: 'busy'; chat: null; message: string };

export const BUSY_TEXT =
  'Chat busy: no technician is available right now. You can try again, or create a new ticket to leave a message.';

/**
 * The helpdesk agent's side. A device reaches only its own chats (channelInstanceId = its id):
 * anything else is a 404, exactly like a chat that does not exist.
 */
@Injectable()
export class DeviceChatService {
  constructor(
    private readonly conversations: ConversationService,
    private readonly flow: AgentChatFlow,
    private readonly offers: ChatOfferRepository,
    private readonly notifier: AgentChatNotifier,
    private readonly channel: AgentChannel,
    private readonly devices: DeviceService,
    private readonly contacts: ContactService,
    private readonly settings: SettingsService,
    private readonly directory: TechnicianDirectory,
    private readonly clock: Clock,
  ) {}

  /** What the agent needs after every (re)connect: who it is, whether it may ask, its open chats. */
  async state(principal: DevicePrincipal): Promise<DeviceState> {
    const device = await this.devices.get(principal.deviceId);
    const contact = device.contactId ? (await this.contacts.getMany([device.contactId]))[0] : undefined;
    const chats = await this.conversations.listForInstance(AGENT_CHANNEL, device.id, ['waiting', 'active']);
    return {
      device: {
        id: device.id,
        name: device.name,
        companyId: device.companyId,
        helpdeskAgentEnabled: device.helpdeskAgentEnabled,
        chatEnabled: this.channel.enabled() && (await this.settings.get('chat.enabled', device.companyId)),
        contact: contact
          ? { id: contact.id, name: `${contact.firstName} ${contact.lastName}`.trim(), email: contact.email }
          : null,
      },
      chats: chats.map(toDeviceChatView),
    };
  }

  /** The device's own chat, or 404. */
  async own(principal: DevicePrincipal, id: string): Promise<ConversationView> {
    const chat = await this.conversations.get(id).catch(() => null);
    if (!chat || chat.channel !== AGENT_CHANNEL || chat.channelInstanceId !== principal.deviceId)
      throw new NotFoundError('Chat', id);
    return chat;
  }

  /** The person at the device as a chat author. */
  async author(principal: DevicePrincipal, id: string): Promise<DeviceAuthor> {
    const chat = await this.own(principal, id);
    return {
      conversationId: chat.id,
      companyId: chat.companyId,
      actor: { kind: 'contact', id: chat.contactId, name: metaOf(chat).contactName },
    };
  }

  async messages(
    principal: DevicePrincipal,
    id: string,
    afterSeq = 0,
  ): Promise<{ chat: DeviceChatView; messages: MessageView[] }> {
    const chat = await this.own(principal, id);
    return { chat: toDeviceChatView(chat), messages: await this.conversations.listMessages(id, afterSeq) };
  }

  /** The user approves a technician's request. */
  async accept(principal: DevicePrincipal, id: string): Promise<DeviceChatView> {
    const chat = await this.own(principal, id);
    const m = metaOf(chat);
    if (
      m.initiatedBy !== 'technician' ||
      chat.status !== 'waiting' ||
      !(await this.conversations.activate(id, acceptanceTimers(this.clock.now())))
    ) {
      throw new ConflictError('This chat request is no longer open');
    }
    await this.conversations.addParticipant(
      id,
      { kind: 'contact', refId: chat.contactId ?? principal.deviceId, name: m.contactName, role: 'member' },
      { announce: false },
    );
    return toDeviceChatView(await this.flow.accepted(id, m.technician!));
  }

  async decline(principal: DevicePrincipal, id: string): Promise<DeviceChatView> {
    const chat = await this.own(principal, id);
    if (metaOf(chat).initiatedBy !== 'technician' || chat.status !== 'waiting')
      throw new ConflictError('This chat request is no longer open');
    await this.flow.end(id, 'declined', { kind: 'contact', id: chat.contactId, name: metaOf(chat).contactName });
    return toDeviceChatView(await this.flow.load(id));
  }

  async end(principal: DevicePrincipal, id: string): Promise<DeviceChatView> {
    const chat = await this.own(principal, id);
    this.flow.assertOpen(chat);
    await this.flow.end(
      id,
      chat.status === 'waiting' && metaOf(chat).initiatedBy === 'technician' ? 'declined' : 'ended_by_user',
      { kind: 'contact', id: chat.contactId, name: metaOf(chat).contactName },
    );
    return toDeviceChatView(await this.flow.load(id));
  }

  /**
   * The user asks for a technician. Needs the helpdesk agent enabled, chat enabled for the
   * company, a confirmed identity, and someone available; idempotent while a request or chat is
   * open (a reconnecting agent asking again gets the same chat, never a second one).
   */
  async request(principal: DevicePrincipal): Promise<ChatRequestResult> {
    this.channel.assertEnabled();
    const device = await this.devices.get(principal.deviceId);
    await this.assertMayStart(device);
    if (!device.contactId)
      throw new DomainError('IDENTITY_REQUIRED', 'Confirm who you are first (full name and email)', 409);
    const open = await this.conversations.listForInstance(AGENT_CHANNEL, device.id, ['waiting', 'active']);
    if (open.length) return { status: open[0].status as 'waiting' | 'active', chat: toDeviceChatView(open[0]) };
    const available = await this.directory.list({ companyId: device.companyId, available: true });
    if (!available.length) return { status: 'busy', chat: null, message: BUSY_TEXT };
    const [contact] = await this.contacts.getMany([device.contactId]);
    if (!contact) throw new DomainError('IDENTITY_REQUIRED', 'Confirm who you are first (full name and email)', 409);
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    const meta: AgentChatMeta = {
      deviceId: device.id,
      deviceName: device.name,
      deviceOs: device.os,
      initiatedBy: 'contact',
      technician: null,
      contactName: name,
    };
    const chat = await this.conversations.start({
      companyId: device.companyId,
      channel: AGENT_CHANNEL,
      channelInstanceId: device.id,
      contactId: contact.id,
      status: 'waiting',
      meta: meta as unknown as Record<string, unknown>,
      participants: [{ kind: 'contact', refId: contact.id, name, role: 'member' }],
      // Armed in the start's transaction: no waiting request without its accept timeout.
      deadlines: [agentChatAcceptDeadline(this.clock.now())],
    });
    const now = this.clock.now();
    await this.offers.insertMany(
      available.map((a) =>
        Object.assign(new ChatOfferEntity(), {
          id: newId(),
          conversationId: chat.id,
          accountId: a.id,
          state: 'offered',
          createdAt: now,
          answeredAt: null,
        }),
      ),
    );
    await this.notifier.incoming(
      chat,
      available.map((a) => a.id),
    );
    return { status: 'waiting', chat: toDeviceChatView(chat) };
  }

  /** Enable chat (company) and the helpdesk agent (device): both needed for a user to start. */
  async assertMayStart(device: DeviceView): Promise<void> {
    if (!device.helpdeskAgentEnabled) throw new ForbiddenError('The helpdesk agent is disabled on this device');
    if (!(await this.settings.get('chat.enabled', device.companyId)))
      throw new DomainError('CHAT_DISABLED', 'Chat is not enabled for your organisation', 403);
  }
}
