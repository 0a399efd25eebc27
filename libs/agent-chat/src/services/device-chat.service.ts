import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ContactService,
  DeviceService,
  NotFoundError,
  type DevicePrincipal,
} from '@switchboard/core';
import {
  ConversationService,
  type ConversationActor,
  type ConversationView,
  type MessageView,
} from '@switchboard/chat';
import { AGENT_CHANNEL, type DeviceChatView } from '../agent-chat.types.js';
import { DeviceChatPolicy } from './device-chat-policy.service.js';
import { acceptanceTimers } from './agent-chat-acceptance.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
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

/**
 * The helpdesk agent's side. A device reaches only its own chats (channelInstanceId = its id):
 * anything else is a 404, exactly like a chat that does not exist.
 */
@Injectable()
export class DeviceChatService {
  constructor(
    private readonly conversations: ConversationService,
    private readonly flow: AgentChatFlow,
    private readonly policy: DeviceChatPolicy,
    private readonly devices: DeviceService,
    private readonly contacts: ContactService,
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
        chatEnabled: await this.policy.chatEnabled(device.companyId),
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
}
