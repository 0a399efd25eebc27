import { Injectable } from '@nestjs/common';
import { NotificationService } from '@switchboard/notify';
import { RealtimeService } from '@switchboard/core';
import { ConversationFanout, NotificationPreferencesService, type ConversationView } from '@switchboard/chat';
import type { DeviceChatView } from '../agent-chat.types.js';
import { metaOf, toAgentChatView, toDeviceChatView } from './agent-chat-views.js';

/**
 * Everything agent chat pushes: to technicians through RealtimeService (masked), to the
 * helpdesk agent on its device room. Rooms, never sockets, so any instance can send.
 */
@Injectable()
export class AgentChatNotifier {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly notifications: NotificationService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  /** The chat's new state to the technicians in it (and anyone watching the conversation). */
  updated(chat: ConversationView, extraAccounts: string[] = []): void {
    const view = toAgentChatView(chat);
    const accounts = new Set(extraAccounts);
    if (view.technician) accounts.add(view.technician.id);
    const rooms = [ConversationFanout.room(chat.id), ...[...accounts].map((id) => RealtimeService.accountRoom(id))];
    this.realtime.emit('agent', rooms, 'agent-chat.updated', { chat: view, companyId: chat.companyId });
  }

  /** A user asks for a technician: an in-app notification plus the live offer (with the chime preference). */
  async incoming(chat: ConversationView, accountIds: string[]): Promise<void> {
    if (!accountIds.length) return;
    const m = metaOf(chat);
    const prefs = await this.preferences.getMany(accountIds);
    const inApp = accountIds.filter((id) => prefs.get(id)?.inApp !== false);
    await this.notifications.notify(inApp, {
      title: `Chat request from ${m.contactName}`,
      body: `${m.contactName} on ${m.deviceName} asks to chat with a technician.`,
      link: `/chats/${chat.id}`,
      companyId: chat.companyId,
    });
    const view = toAgentChatView(chat);
    for (const id of accountIds) {
      this.realtime.toAccount(id, 'agent-chat.incoming', {
        chat: view,
        companyId: chat.companyId,
        sound: prefs.get(id)?.sound ?? true,
      });
    }
  }

  /** The offer is gone for these technicians (someone accepted, or the request ended). */
  offerClosed(conversationId: string, accountIds: string[]): void {
    for (const id of accountIds) this.realtime.toAccount(id, 'agent-chat.offer-closed', { conversationId });
  }

  toDevice(
    deviceId: string,
    event: 'chat.requested' | 'chat.started' | 'chat.busy' | 'chat.closed' | 'chat.updated',
    payload: { chat: DeviceChatView } & Record<string, unknown>,
  ): void {
    this.realtime.toDevice(deviceId, event, payload);
  }

  deviceView(chat: ConversationView): DeviceChatView {
    return toDeviceChatView(chat);
  }
}
