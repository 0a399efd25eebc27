import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  ChatInboundPipeline,
  portalVisitorOf,
  WsErrorFilter,
  WsPayloadPipe,
  wsOk,
  EmptyPayloadDto,
} from '@switchboard/core';
import {
  CONVERSATION_DESTINATION,
  ConversationFanout,
  ConversationService,
  type ConversationActor,
  type ConversationDelivery,
} from '@switchboard/chat';
import { QueuePositionService } from '@switchboard/routing';
import type { Socket } from 'socket.io';
import { ChatJoinDto, ChatSendDto, ChatTypingDto } from '../dto/visitor.dto.js';
import { PORTAL_CHANNEL } from '../portal.types.js';
import { PortalChannel } from '../services/portal-channel.service.js';
import { PortalVisitorService, type VisitorChat } from '../services/portal-visitor.service.js';

/**
 * The visitor's side of the live chat on /portal (the namespace middleware has verified the
 * portal token). The token's subject is the only conversation this socket can reach.
 */
@WebSocketGateway({ namespace: '/portal' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class PortalChatGateway {
  constructor(
    private readonly visitors: PortalVisitorService,
    private readonly conversations: ConversationService,
    private readonly channel: PortalChannel,
    private readonly inbound: ChatInboundPipeline,
    private readonly positions: QueuePositionService,
  ) {}

  /** Join (or re-join after a reconnect) and get every message after `afterSeq`. */
  @SubscribeMessage('chat.join')
  async join(@MessageBody() body: ChatJoinDto, @ConnectedSocket() socket: Socket) {
    const visitor = portalVisitorOf(socket);
    const { conversation, chat } = await this.visitors.resolve(visitor);
    socket.data.chat = chat;
    await socket.join(ConversationFanout.room(conversation.id));
    // A queue-routed chat: the visitor's place in the queue, now that the socket is in the room.
    if (conversation.status === 'waiting') await this.positions.publishFor(conversation.id);
    const messages = await this.conversations.listMessages(conversation.id, body.afterSeq ?? 0);
    return wsOk({
      case: await this.visitors.publicCase(visitor),
      conversationId: conversation.id,
      lastSeq: conversation.lastSeq,
      messages,
    });
  }

  @SubscribeMessage('chat.send')
  async send(@MessageBody() body: ChatSendDto, @ConnectedSocket() socket: Socket) {
    // The one inbound pipeline: sender and thread come from the socket (resolved once), clientId de-duplicates.
    const chat = await this.chatOf(socket);
    const result = await this.inbound.receive<ConversationActor, ConversationDelivery>(CONVERSATION_DESTINATION, {
      channel: PORTAL_CHANNEL,
      sender: { kind: 'contact', id: chat.contactId, name: chat.name },
      conversationId: chat.conversationId,
      body: body.body,
      clientId: body.clientId,
      maxLength: this.channel.maxLength(),
      originSocketId: socket.id,
    });
    return wsOk(result);
  }

  @SubscribeMessage('chat.typing')
  async typing(@MessageBody() body: ChatTypingDto, @ConnectedSocket() socket: Socket) {
    const chat = await this.chatOf(socket);
    this.conversations.typing(
      chat.conversationId,
      PORTAL_CHANNEL,
      { kind: 'contact', id: chat.contactId, name: chat.name },
      body.typing,
    );
    return wsOk({});
  }

  @SubscribeMessage('chat.end')
  async end(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    return wsOk({ case: await this.visitors.end(portalVisitorOf(socket)) });
  }

  @SubscribeMessage('chat.convert')
  async convert(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    return wsOk({ case: await this.visitors.convert(portalVisitorOf(socket)) });
  }

  /** Resolved once per socket (the hot send path then costs no lookup). */
  private async chatOf(socket: Socket): Promise<VisitorChat> {
    const visitor = portalVisitorOf(socket);
    if (!socket.data.chat) socket.data.chat = (await this.visitors.resolve(visitor)).chat;
    return socket.data.chat as VisitorChat;
  }
}
