import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { accountOf, ForbiddenError, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import {
  ConversationJoinDto,
  ConversationRefDto,
  ConversationSendDto,
  ConversationTypingDto,
} from '../dto/conversation-socket.dto.js';
import { ConversationFanout } from '../services/conversation-fanout.service.js';
import { ConversationService } from '../services/conversation.service.js';
import { ChannelLimits } from '../services/channel-limits.service.js';

/** Technicians' side of every conversation, on /agent. Channel-agnostic (portal, agent chat...). */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class ConversationGateway {
  constructor(
    private readonly conversations: ConversationService,
    private readonly limits: ChannelLimits,
  ) {}

  /** Watch a conversation (any technician serving the company) and get what was missed. */
  @SubscribeMessage('conversation.join')
  async join(@MessageBody() body: ConversationJoinDto, @ConnectedSocket() socket: Socket) {
    const me = accountOf(socket);
    const conversation = await this.conversations.getForTechnician(body.conversationId, me);
    await socket.join(ConversationFanout.room(conversation.id));
    const messages = await this.conversations.listMessages(conversation.id, body.afterSeq ?? 0);
    return wsOk({
      conversation: {
        id: conversation.id,
        status: conversation.status,
        channel: conversation.channel,
        lastSeq: conversation.lastSeq,
      },
      messages,
    });
  }

  @SubscribeMessage('conversation.unsubscribe')
  async unsubscribe(@MessageBody() body: ConversationRefDto, @ConnectedSocket() socket: Socket) {
    accountOf(socket);
    await socket.leave(ConversationFanout.room(body.conversationId));
    return wsOk({});
  }

  @SubscribeMessage('conversation.send')
  async send(@MessageBody() body: ConversationSendDto, @ConnectedSocket() socket: Socket) {
    const me = accountOf(socket);
    const conversation = await this.assertParticipant(socket, body.conversationId);
    const result = await this.conversations.postMessage({
      conversationId: body.conversationId,
      author: { kind: 'technician', id: me.id, name: me.name },
      body: body.body,
      clientId: body.clientId,
      maxLength: this.limits.maxLength(conversation.channel),
      originSocketId: socket.id,
    });
    return wsOk(result);
  }

  @SubscribeMessage('conversation.typing')
  async typing(@MessageBody() body: ConversationTypingDto, @ConnectedSocket() socket: Socket) {
    const me = accountOf(socket);
    const conversation = await this.assertParticipant(socket, body.conversationId);
    this.conversations.typing(
      body.conversationId,
      conversation.channel,
      { kind: 'technician', id: me.id, name: me.name },
      body.typing,
    );
    return wsOk({});
  }

  /** Channel of a conversation this socket may write to; remembered per socket (channel never changes). */
  private async assertParticipant(socket: Socket, conversationId: string): Promise<{ channel: string }> {
    const me = accountOf(socket);
    const known = (socket.data.conversations ??= {}) as Record<string, string>;
    let channel = known[conversationId];
    if (!channel) {
      channel = (await this.conversations.getForTechnician(conversationId, me)).channel;
      known[conversationId] = channel;
    }
    if (!(await this.conversations.isActiveParticipant(conversationId, 'technician', me.id))) {
      throw new ForbiddenError('Only technicians in this conversation can write to it');
    }
    return { channel };
  }
}
