import { Global, Module } from '@nestjs/common';
import { ChannelInboundHandlers } from './channel-inbound.handlers.js';
import { ChannelInboundService } from './channel-inbound.service.js';
import { ChatInboundPipeline } from './chat-inbound.pipeline.js';
import { InboundMessageRepository } from './inbound-message.repository.js';

/**
 * The inbound conversation pipeline stays in the kernel: the plugin host (one floor up) feeds it
 * adapters' messages, and the feature libs register their handlers on it.
 */
@Global()
@Module({
  providers: [ChannelInboundHandlers, ChannelInboundService, InboundMessageRepository, ChatInboundPipeline],
  exports: [ChannelInboundHandlers, ChannelInboundService, ChatInboundPipeline],
})
export class ChannelInboundModule {}
