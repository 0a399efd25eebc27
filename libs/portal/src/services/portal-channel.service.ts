import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { PluginRegistry } from '@switchboard/plugin-host';
import { ChannelLimits, ConversationFanout, HostTransportChannel } from '@switchboard/chat';
import { validateSettings, type SettingsValues } from '@switchboard/plugin-sdk';
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
export class PortalChannel extends HostTransportChannel {
  constructor(plugins: PluginRegistry, fanout: ConversationFanout, limits: ChannelLimits, events: DomainEventBus) {
    super(
      { pluginId: PORTAL_PLUGIN_ID, channel: PORTAL_CHANNEL, audience: 'portal', hookKinds: ['text'] },
      plugins,
      fanout,
      limits,
      events,
    );
  }

  /** The portal's instance config with the plugin's defaults filled in; throws field errors when invalid. */
  validateConfig(config: Record<string, unknown>): {
    valid: boolean;
    values: SettingsValues;
    fieldErrors: Record<string, string[]>;
  } {
    const active = this.active();
    if (!active) return { valid: true, values: { ...config } as SettingsValues, fieldErrors: {} };
    return validateSettings(active.adapter.instanceConfig, config);
  }

  config(portal: PortalEntity): SettingsValues {
    const result = this.validateConfig(portal.channelConfig ?? {});
    return result.valid ? result.values : this.validateConfig({}).values;
  }
}
