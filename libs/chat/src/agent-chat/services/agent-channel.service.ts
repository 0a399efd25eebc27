import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainError, DomainEventBus, PluginRegistry } from '@switchboard/core';
import { ChannelLimits, ConversationFanout, DEFAULT_MAX_MESSAGE_LENGTH } from '../../chat-core.js';
import type { ChannelAdapter, ChannelInstance, PluginContext } from '@switchboard/plugin-sdk';
import { AGENT_CHANNEL, AGENT_CHAT_PLUGIN_ID } from '../agent-chat.types.js';

/**
 * The seam between this lib (transport: the /device namespace and HTTP, storage in the
 * conversation core) and the channel plugin `channel-agent-chat`, which declares the channel:
 * capabilities (1,000 characters, typing, attachments) and a delivery hook called after each
 * technician message reached the device. Without the plugin enabled, agent chat is unavailable.
 */
@Injectable()
export class AgentChannel implements OnModuleInit {
  private readonly logger = new Logger('AgentChannel');

  constructor(
    private readonly plugins: PluginRegistry,
    private readonly fanout: ConversationFanout,
    private readonly limits: ChannelLimits,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    // Conversation events of agent chats also reach the helpdesk agents (/device).
    this.fanout.registerChannel(AGENT_CHANNEL, 'device');
    this.limits.register(AGENT_CHANNEL, () => this.maxLength());
    this.events.subscribe('conversation.message.created', (e) => {
      if (e.channel === AGENT_CHANNEL && e.authorKind === 'technician') void this.deliverHook(e.conversationId, e.messageId, e.body, e.companyId);
    });
  }

  private active(): { adapter: ChannelAdapter; ctx: PluginContext } | null {
    const runtime = this.plugins.get(AGENT_CHAT_PLUGIN_ID);
    const adapter = runtime?.loaded.definition.channel;
    if (!runtime?.active || !adapter || adapter.type !== AGENT_CHANNEL) return null;
    return { adapter, ctx: runtime.active.context };
  }

  enabled(): boolean {
    return this.active() !== null;
  }

  assertEnabled(): void {
    if (!this.enabled()) throw new DomainError('AGENT_CHAT_UNAVAILABLE', 'Agent chat is not available: the channel-agent-chat plugin is not enabled', 503);
  }

  maxLength(): number {
    return Math.min(this.active()?.adapter.capabilities.maxLength ?? DEFAULT_MAX_MESSAGE_LENGTH, DEFAULT_MAX_MESSAGE_LENGTH);
  }

  /** Off the ack path: a slow or failing plugin never delays or loses a message. */
  private async deliverHook(conversationId: string, messageId: string, text: string, companyId: string): Promise<void> {
    const active = this.active();
    if (!active) return;
    const instance: ChannelInstance = { id: companyId, pluginId: AGENT_CHAT_PLUGIN_ID, name: AGENT_CHANNEL, config: {} };
    try {
      await active.adapter.send({ id: messageId, text }, { address: conversationId, threadId: conversationId }, instance, active.ctx);
    } catch (error) {
      this.logger.warn(`agent chat delivery hook failed: ${(error as Error).message}`);
    }
  }
}
