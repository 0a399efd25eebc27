import { Injectable } from '@nestjs/common';
import { DomainError, DomainEventBus } from '@switchboard/core';
import { PluginRegistry } from '@switchboard/plugin-host';
import { ChannelLimits, ConversationFanout, HostTransportChannel } from '@switchboard/chat';
import { AGENT_CHANNEL, AGENT_CHAT_PLUGIN_ID } from '../agent-chat.types.js';

/**
 * The seam between this lib (transport: the /device namespace and HTTP, storage in the
 * conversation core) and the channel plugin `channel-agent-chat`, which declares the channel:
 * capabilities (1,000 characters, typing, attachments) and a delivery hook called after each
 * technician message reached the device. Without the plugin enabled, agent chat is unavailable.
 */
@Injectable()
export class AgentChannel extends HostTransportChannel {
  constructor(plugins: PluginRegistry, fanout: ConversationFanout, limits: ChannelLimits, events: DomainEventBus) {
    // Conversation events of agent chats also reach the helpdesk agents (/device); files too.
    super(
      { pluginId: AGENT_CHAT_PLUGIN_ID, channel: AGENT_CHANNEL, audience: 'device' },
      plugins,
      fanout,
      limits,
      events,
    );
  }

  assertEnabled(): void {
    if (!this.enabled())
      throw new DomainError(
        'AGENT_CHAT_UNAVAILABLE',
        'Agent chat is not available: the channel-agent-chat plugin is not enabled',
        503,
      );
  }
}
