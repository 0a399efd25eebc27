import { definePlugin } from '@switchboard/plugin-sdk';

/**
 * Live chat on customer portals. The plugin DECLARES the channel: its capabilities (1,000
 * characters, typing, no attachments), the per-portal settings an admin edits on the portal, and
 * the delivery hook. The host owns the transport (HTTP + the /portal socket namespace) and the
 * storage (the conversation core), so a visitor's messages never depend on plugin code.
 */
export default definePlugin({
  manifest: {
    id: 'channel-portal-livechat',
    version: '1.0.0',
    apiVersion: '^1.1.0',
    kind: 'channel',
    // Nothing beyond its own declaration: it reads no contacts and calls no network.
    permissions: [],
  },
  channel: {
    type: 'portal',
    capabilities: {
      attachments: false,
      maxLength: 1000,
      typing: true,
      readReceipts: false,
      threading: true,
      transport: 'host',
    },
    instanceConfig: [
      {
        key: 'waitingOfferSeconds',
        type: 'number',
        label: 'Offer to leave a support request after (seconds of waiting)',
        min: 0,
        max: 3600,
        default: 60,
      },
      {
        key: 'abandonAfterMinutes',
        type: 'number',
        label: 'Turn a chat nobody took into a support request after (minutes)',
        min: 1,
        max: 1440,
        default: 30,
      },
    ],
    /**
     * Delivery hook (transport 'host'): the host has already pushed the message to the visitor's
     * socket room. The external id is deterministic so a re-run of the hook is recognisable.
     */
    async send(message, address, instance) {
      return { externalId: `portal:${instance.id}:${address.threadId ?? address.address}:${message.id}` };
    },
  },
});
