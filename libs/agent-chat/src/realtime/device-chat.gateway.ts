import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  ChatInboundPipeline,
  ConflictError,
  deviceOf,
  EmptyPayloadDto,
  WsErrorFilter,
  WsPayloadPipe,
  wsOk,
} from '@switchboard/core';
import {
  CONVERSATION_DESTINATION,
  ConversationFanout,
  ConversationService,
  type ConversationActor,
  type ConversationDelivery,
} from '@switchboard/chat';
import type { Socket } from 'socket.io';
import { AGENT_CHANNEL } from '../agent-chat.types.js';
import {
  DeviceChatJoinDto,
  DeviceChatRefDto,
  DeviceChatSendDto,
  DeviceChatTypingDto,
  DeviceTicketDto,
  IdentityConfirmDto,
  IdentityStartDto,
} from '../dto/device-chat.dto.js';
import { AgentChannel } from '../services/agent-channel.service.js';
import { AgentChatTicketLinkService } from '../services/agent-chat-ticket-link.service.js';
import { DeviceChatService, type DeviceAuthor } from '../services/device-chat.service.js';
import { DeviceChatRequestService } from '../services/device-chat-request.service.js';
import { IdentityConfirmationService } from '../services/identity-confirmation.service.js';

/**
 * The helpdesk agent's side of agent chat on /device (the namespace middleware has verified the
 * device token). Every event is scoped to the socket's device: another device's chat is a 404.
 */
@WebSocketGateway({ namespace: '/device' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class DeviceChatGateway {
  constructor(
    private readonly chats: DeviceChatService,
    private readonly requests: DeviceChatRequestService,
    private readonly conversations: ConversationService,
    private readonly identity: IdentityConfirmationService,
    private readonly tickets: AgentChatTicketLinkService,
    private readonly channel: AgentChannel,
    private readonly inbound: ChatInboundPipeline,
  ) {}

  /** After every (re)connect: who the device is, whether the user may start a chat, its open chats. */
  @SubscribeMessage('chat.state')
  async state(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.chats.state(deviceOf(socket)));
  }

  @SubscribeMessage('chat.request')
  async request(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    const result = await this.requests.request(deviceOf(socket));
    if (result.chat) await socket.join(ConversationFanout.room(result.chat.id));
    return wsOk(result);
  }

  @SubscribeMessage('chat.accept')
  async accept(@MessageBody() body: DeviceChatRefDto, @ConnectedSocket() socket: Socket) {
    const me = deviceOf(socket);
    await this.chats.own(me, body.conversationId);
    await socket.join(ConversationFanout.room(body.conversationId));
    return wsOk({ chat: await this.chats.accept(me, body.conversationId) });
  }

  @SubscribeMessage('chat.decline')
  async decline(@MessageBody() body: DeviceChatRefDto, @ConnectedSocket() socket: Socket) {
    return wsOk({ chat: await this.chats.decline(deviceOf(socket), body.conversationId) });
  }

  /** Follow a chat (again, after a reconnect) and get every message after `afterSeq`. */
  @SubscribeMessage('chat.join')
  async join(@MessageBody() body: DeviceChatJoinDto, @ConnectedSocket() socket: Socket) {
    const result = await this.chats.messages(deviceOf(socket), body.conversationId, body.afterSeq ?? 0);
    await socket.join(ConversationFanout.room(body.conversationId));
    return wsOk(result);
  }

  @SubscribeMessage('chat.send')
  async send(@MessageBody() body: DeviceChatSendDto, @ConnectedSocket() socket: Socket) {
    // The one inbound pipeline: sender and thread come from the socket (resolved once), clientId de-duplicates.
    const author = await this.authorOf(socket, body.conversationId);
    const result = await this.inbound.receive<ConversationActor, ConversationDelivery>(CONVERSATION_DESTINATION, {
      channel: AGENT_CHANNEL,
      sender: author.actor,
      conversationId: author.conversationId,
      body: body.body,
      clientId: body.clientId,
      maxLength: this.channel.maxLength(),
      originSocketId: socket.id,
    });
    return wsOk(result);
  }

  @SubscribeMessage('chat.typing')
  async typing(@MessageBody() body: DeviceChatTypingDto, @ConnectedSocket() socket: Socket) {
    const author = await this.authorOf(socket, body.conversationId);
    this.conversations.typing(author.conversationId, AGENT_CHANNEL, author.actor, body.typing);
    return wsOk({});
  }

  @SubscribeMessage('chat.end')
  async end(@MessageBody() body: DeviceChatRefDto, @ConnectedSocket() socket: Socket) {
    return wsOk({ chat: await this.chats.end(deviceOf(socket), body.conversationId) });
  }

  /** "Chat busy" → "Create a new ticket". */
  @SubscribeMessage('chat.ticket')
  async ticket(@MessageBody() body: DeviceTicketDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.tickets.createFromDevice(deviceOf(socket), body.description));
  }

  @SubscribeMessage('identity.start')
  async identityStart(@MessageBody() body: IdentityStartDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.identity.start(deviceOf(socket), body));
  }

  @SubscribeMessage('identity.confirm')
  async identityConfirm(@MessageBody() body: IdentityConfirmDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.identity.confirm(deviceOf(socket), body.code));
  }

  /** Resolved once per socket and chat (the hot send path then costs no lookup); only while the chat is going on. */
  private async authorOf(socket: Socket, conversationId: string): Promise<DeviceAuthor> {
    const known = (socket.data.agentChats ??= {}) as Record<string, DeviceAuthor>;
    if (!known[conversationId]) {
      const chat = await this.chats.own(deviceOf(socket), conversationId);
      if (chat.status !== 'active')
        throw new ConflictError(chat.status === 'ended' ? 'This chat has ended' : 'This chat has not started yet');
      known[conversationId] = await this.chats.author(deviceOf(socket), conversationId);
    }
    return known[conversationId];
  }
}
