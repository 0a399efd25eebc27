import { definePlugin } from '@switchboard/plugin-sdk';

/**
 * Agent chat: technicians chat with the person at a device through the helpdesk agent
 * (`switchboard-agent`). The plugin DECLARES the channel: its capabilities (1,000 characters,
 * typing, file attachments) and the delivery hook. The host owns the transport (the `/device`
 * socket namespace and HTTP for files) and the storage (the conversation core), so a message
 * never depends on plugin code. Enabling the plugin makes agent chat available.
 */
export default definePlugin({
  manifest: {
    id: 'channel-agent-chat',
    version: '1.0.0',
    apiVersion: '^1.1.0',
    kind: 'channel',
    // Nothing beyond its own declaration: it reads no contacts and calls no network.
    permissions: [],
  },
  channel: {
    type: 'agent',
    capabilities: {
      attachments: true,
      maxLength: 1000,
      typing: true,
      readReceipts: false,
      threading: true,
      transport: 'host',
    },
    instanceConfig: [],
    /**
     * Delivery hook (transport 'host'): the host has already pushed the message to the device's
     * socket room. The external id is deterministic so a re-run of the hook is recognisable.
     */
    async send(message, address, instance) {
      return { externalId: `agent:${instance.id}:${address.threadId ?? address.address}:${message.id}` };
    },
  },
});
