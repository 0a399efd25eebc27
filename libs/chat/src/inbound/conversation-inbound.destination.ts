import { Injectable, OnModuleInit } from '@nestjs/common';
import { ChatInboundPipeline, type ChatInbound } from '@switchboard/core';
import type { ConversationActor, MessageView } from '../chat.types.js';
import { ConversationMessageService } from '../services/conversation-message.service.js';

/** Where live chat (portal, agent chat) lands in the inbound pipeline: a conversation, owned by this lib. */
export const CONVERSATION_DESTINATION = 'conversation';

export type ConversationInbound = ChatInbound<ConversationActor>;
export interface ConversationDelivery {
  message: MessageView;
  duplicate: boolean;
}

/** Registers the conversation destination: the resolved sender and thread go straight into the group commit. */
@Injectable()
export class ConversationInboundDestination implements OnModuleInit {
  constructor(
    private readonly pipeline: ChatInboundPipeline,
    private readonly messages: ConversationMessageService,
  ) {}

  onModuleInit(): void {
    this.pipeline.register<ConversationActor, ConversationDelivery>(CONVERSATION_DESTINATION, (m) =>
      this.messages.post({
        conversationId: m.conversationId,
        author: m.sender,
        body: m.body,
        clientId: m.clientId,
        maxLength: m.maxLength,
        originSocketId: m.originSocketId,
      }),
    );
  }
}
