import { runChannelAdapterContract } from '@switchboard/plugin-sdk/testing';
import plugin from './index.js';

runChannelAdapterContract(() => ({
  plugin,
  instanceConfig: { waitingOfferSeconds: 60, abandonAfterMinutes: 30 },
  address: { address: 'conversation-1', threadId: 'conversation-1' },
}));

describe('channel-portal-livechat', () => {
  it('declares the portal channel with a 1,000-character composer and host transport', () => {
    expect(plugin.channel?.type).toBe('portal');
    expect(plugin.channel?.capabilities).toMatchObject({
      maxLength: 1000,
      typing: true,
      attachments: false,
      transport: 'host',
    });
  });
});
