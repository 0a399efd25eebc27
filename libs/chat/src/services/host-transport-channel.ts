import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Audience, DomainEventBus } from '@switchboard/core';
import type { PluginRegistry } from '@switchboard/plugin-host';
import type { ChannelAdapter, ChannelInstance, PluginContext } from '@switchboard/plugin-sdk';
import { DEFAULT_MAX_MESSAGE_LENGTH } from '../chat.types.js';
import type { ChannelLimits } from './channel-limits.service.js';
import type { ConversationFanout } from './conversation-fanout.service.js';

export interface HostTransportChannelSpec {
  /** The plugin that declares the channel (`channel-portal-livechat`). */
  pluginId: string;
  /** Conversation channel slug; the adapter's `type` must match it. */
  channel: string;
  /** Socket audience the end users of this channel are connected to. */
  audience: Audience;
  /** Message kinds the delivery hook is called for (technician messages only); all when omitted. */
  hookKinds?: readonly string[];
}

/**
 * The seam between a lib that carries a channel itself (transport `host`: sockets + HTTP, storage
 * in the conversation core) and the channel plugin that declares it: capabilities, instance
 * config, and a delivery hook called after each technician message reached the end user.
 * Portal live chat and agent chat differ only in their spec; without the plugin, the channel is off.
 */
export abstract class HostTransportChannel implements OnModuleInit {
  protected readonly logger: Logger;

  protected constructor(
    private readonly spec: HostTransportChannelSpec,
    private readonly plugins: PluginRegistry,
    private readonly fanout: ConversationFanout,
    private readonly limits: ChannelLimits,
    private readonly events: DomainEventBus,
  ) {
    this.logger = new Logger(new.target.name);
  }

  onModuleInit(): void {
    const { channel, audience, hookKinds } = this.spec;
    this.fanout.registerChannel(channel, audience);
    this.limits.register(channel, () => this.maxLength());
    this.events.subscribe('conversation.message.created', (e) => {
      if (e.channel === channel && e.authorKind === 'technician' && (!hookKinds || hookKinds.includes(e.kind))) {
        void this.deliverHook(e.conversationId, e.messageId, e.body, e.companyId);
      }
    });
  }

  protected active(): { adapter: ChannelAdapter; ctx: PluginContext } | null {
    const runtime = this.plugins.get(this.spec.pluginId);
    const adapter = runtime?.loaded.definition.channel;
    if (!runtime?.active || !adapter || adapter.type !== this.spec.channel) return null;
    return { adapter, ctx: runtime.active.context };
  }

  enabled(): boolean {
    return this.active() !== null;
  }

  maxLength(): number {
    return Math.min(
      this.active()?.adapter.capabilities.maxLength ?? DEFAULT_MAX_MESSAGE_LENGTH,
      DEFAULT_MAX_MESSAGE_LENGTH,
    );
  }

  /** Off the ack path: a slow or failing plugin never delays or loses a message. */
  private async deliverHook(conversationId: string, messageId: string, text: string, companyId: string): Promise<void> {
    const active = this.active();
    if (!active) return;
    // One instance per company (one portal per company; agent chat per company), so the company id names it.
    const instance: ChannelInstance = {
      id: companyId,
      pluginId: this.spec.pluginId,
      name: this.spec.channel,
      config: {},
    };
    try {
      await active.adapter.send(
        { id: messageId, text },
        { address: conversationId, threadId: conversationId },
        instance,
        active.ctx,
      );
    } catch (error) {
      this.logger.warn(`${this.spec.channel} delivery hook failed: ${(error as Error).message}`);
    }
  }
}
