import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainEventBus, PluginRegistry } from '@switchboard/core';
import { ChannelLimits, ConversationFanout, DEFAULT_MAX_MESSAGE_LENGTH } from '@switchboard/chat';
import { validateSettings, type ChannelAdapter, type ChannelInstance, type PluginContext, type SettingsValues } from '@switchboard/plugin-sdk';
import type { PortalEntity } from '../entities/portal.entity.js';
import { PORTAL_CHANNEL, PORTAL_PLUGIN_ID } from '../portal.types.js';

/**
 * The seam between the portal lib (transport: HTTP + the /portal socket namespace, storage in
 * the conversation core) and the channel plugin `channel-portal-livechat`, which declares the
 * channel: capabilities (message length, typing, attachments), the per-portal instance config,
 * and a delivery hook (`send`) called for each technician message that reaches a visitor.
 * Without the plugin enabled, portals are unavailable.
 */
@Injectable()
export class PortalChannel implements OnModuleInit {
  private readonly logger = new Logger('PortalChannel');

  constructor(
    private readonly plugins: PluginRegistry,
    private readonly fanout: ConversationFanout,
    private readonly limits: ChannelLimits,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.fanout.registerChannel(PORTAL_CHANNEL, 'portal');
    this.limits.register(PORTAL_CHANNEL, () => this.maxLength());
    this.events.subscribe('conversation.message.created', (e) => {
      if (e.channel === PORTAL_CHANNEL && e.authorKind === 'technician' && e.kind === 'text') void this.deliverHook(e.conversationId, e.messageId, e.body, e.companyId);
    });
  }

  private active(): { adapter: ChannelAdapter; ctx: PluginContext } | null {
    const runtime = this.plugins.get(PORTAL_PLUGIN_ID);
    const adapter = runtime?.loaded.definition.channel;
    if (!runtime?.active || !adapter || adapter.type !== PORTAL_CHANNEL) return null;
    return { adapter, ctx: runtime.active.context };
  }

  enabled(): boolean {
    return this.active() !== null;
  }

  maxLength(): number {
    return Math.min(this.active()?.adapter.capabilities.maxLength ?? DEFAULT_MAX_MESSAGE_LENGTH, DEFAULT_MAX_MESSAGE_LENGTH);
  }

  /** The portal's instance config with the plugin's defaults filled in; throws field errors when invalid. */
  validateConfig(config: Record<string, unknown>): { valid: boolean; values: SettingsValues; fieldErrors: Record<string, string[]> } {
    const active = this.active();
    if (!active) return { valid: true, values: { ...config } as SettingsValues, fieldErrors: {} };
    return validateSettings(active.adapter.instanceConfig, config);
  }

  config(portal: PortalEntity): SettingsValues {
    const result = this.validateConfig(portal.channelConfig ?? {});
    return result.valid ? result.values : this.validateConfig({}).values;
  }

  /** Off the ack path: a slow or failing plugin never delays or loses a visitor's message. */
  private async deliverHook(conversationId: string, messageId: string, text: string, companyId: string): Promise<void> {
    const active = this.active();
    if (!active) return;
    // One portal per company, so the company id names the portal instance without another read.
    const instance: ChannelInstance = { id: companyId, pluginId: PORTAL_PLUGIN_ID, name: PORTAL_CHANNEL, config: {} };
    try {
      await active.adapter.send({ id: messageId, text }, { address: conversationId, threadId: conversationId }, instance, active.ctx);
    } catch (error) {
      this.logger.warn(`portal delivery hook failed: ${(error as Error).message}`);
    }
  }
}
