import { runChannelAdapterContract } from '@switchboard/plugin-sdk/testing';
import plugin from './index.js';

runChannelAdapterContract(() => ({
  plugin,
  instanceConfig: {},
  address: { address: 'conversation-1', threadId: 'conversation-1' },
}));

describe('channel-agent-chat', () => {
  it('declares the agent channel with a 1,000-character composer, attachments and host transport', () => {
    expect(plugin.channel?.type).toBe('agent');
    expect(plugin.channel?.capabilities).toMatchObject({
      maxLength: 1000,
      typing: true,
      attachments: true,
      transport: 'host',
    });
  });

  it('answers the delivery hook with a deterministic external id', async () => {
    const instance = { id: 'company-1', pluginId: 'channel-agent-chat', name: 'agent', config: {} };
    const a = await plugin.channel!.send(
      { id: 'm1', text: 'hi' },
      { address: 'c1', threadId: 'c1' },
      instance,
      {} as never,
    );
    const b = await plugin.channel!.send(
      { id: 'm1', text: 'hi' },
      { address: 'c1', threadId: 'c1' },
      instance,
      {} as never,
    );
    expect(a).toEqual(b);
    expect(a.externalId).toBe('agent:company-1:c1:m1');
  });
});
