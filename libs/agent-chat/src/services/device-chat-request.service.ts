import { Injectable } from '@nestjs/common';
import {
  Clock,
  ContactService,
  DeviceService,
  DomainError,
  newId,
  TechnicianDirectory,
  type DevicePrincipal,
} from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { AGENT_CHANNEL, type AgentChatMeta } from '../agent-chat.types.js';
import { ChatOfferEntity } from '../entities/chat-offer.entity.js';
import { ChatOfferRepository } from '../repositories/chat-offer.repository.js';
import { agentChatAcceptDeadline } from './agent-chat-accept.timer.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { toDeviceChatView } from './agent-chat-views.js';
import type { ChatRequestResult } from './device-chat.service.js';
import { DeviceChatPolicy } from './device-chat-policy.service.js';

/** The person at a device asks for a technician: the request offered to every available technician. */
@Injectable()
export class DeviceChatRequestService {
  constructor(
    private readonly conversations: ConversationService,
    private readonly offers: ChatOfferRepository,
    private readonly notifier: AgentChatNotifier,
    private readonly policy: DeviceChatPolicy,
    private readonly devices: DeviceService,
    private readonly contacts: ContactService,
    private readonly directory: TechnicianDirectory,
    private readonly clock: Clock,
  ) {}

  /**
   * The user asks for a technician. Needs the helpdesk agent enabled, chat enabled for the
   * company, a confirmed identity, and someone available; idempotent while a request or chat is
   * open (a reconnecting agent asking again gets the same chat, never a second one).
   */
  async request(principal: DevicePrincipal): Promise<ChatRequestResult> {
    this.policy.assertChannelEnabled();
    const device = await this.devices.get(principal.deviceId);
    await this.policy.assertMayStart(device);
    if (!device.contactId)
      throw new DomainError('IDENTITY_REQUIRED', 'Confirm who you are first (full name and email)', 409);
    const open = await this.conversations.listForInstance(AGENT_CHANNEL, device.id, ['waiting', 'active']);
    if (open.length) return { status: open[0].status as 'waiting' | 'active', chat: toDeviceChatView(open[0]) };
    const available = await this.directory.list({ companyId: device.companyId, available: true });
    if (!available.length) return { status: 'busy', chat: null, message: await this.policy.busyText(device) };
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
}
