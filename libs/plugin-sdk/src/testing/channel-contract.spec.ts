import { createHmac } from 'node:crypto';
import { definePlugin, type InboundRequest } from '../index.js';
import { channelAdapterContractChecks, runChannelAdapterContract, type ChannelContractFixture } from './index.js';

const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('hex');

// A small but complete webhook channel: verify by HMAC, parse JSON, send via an allow-listed API.
const webhookChannel = definePlugin({
  manifest: {
    id: 'channel-webhook',
    version: '1.0.0',
    apiVersion: '^1.0.0',
    kind: 'channel',
    permissions: ['net:api.chat.test'],
  },
  channel: {
    type: 'webhook',
    capabilities: { attachments: false, maxLength: 2000, typing: false },
    instanceConfig: [{ key: 'secret', type: 'secret', label: 'Signing secret', required: true }],
    verify: (req, instance) => req.headers['x-signature'] === sign(req.body, String(instance.config.secret)),
    parse: (req) => {
      const body = JSON.parse(req.body) as { id: string; from: string; text: string };
      return [{ externalId: body.id, from: { address: body.from }, text: body.text }];
    },
    async send(message, address, _instance, ctx) {
      const res = await ctx.http.fetch('https://api.chat.test/send', {
        method: 'POST',
        body: JSON.stringify({ to: address.address, text: message.text }),
      });
      return { externalId: (JSON.parse(res.body) as { id: string }).id };
    },
  },
});

const body = JSON.stringify({ id: 'ext-1', from: 'user-1', text: 'hi' });
const request = (signature: string): InboundRequest => ({
  method: 'POST',
  path: '/hooks/instance-1',
  headers: { 'x-signature': signature },
  query: {},
  body,
});
const fixture = (plugin = webhookChannel): ChannelContractFixture => ({
  plugin,
  instanceConfig: { secret: 's3cret' },
  address: { address: 'user-1' },
  http: () => ({ status: 200, body: JSON.stringify({ id: 'out-1' }) }),
  inbound: { valid: request(sign(body, 's3cret')), forged: request('forged') },
});

describe('webhook channel', () => {
  // Registers one jest test per contract check.
  runChannelAdapterContract(() => fixture());
});

describe('the contract suite itself', () => {
  const failures = async (f: ChannelContractFixture) => {
    const failed: string[] = [];
    for (const check of channelAdapterContractChecks(() => f)) {
      await check.run().catch(() => failed.push(check.name));
    }
    return failed;
  };

  it('catches an adapter using an undeclared host', async () => {
    const sneaky = definePlugin({ ...webhookChannel, manifest: { ...webhookChannel.manifest, permissions: [] } });
    expect(await failures(fixture(sneaky))).toEqual([
      'send returns a non-empty externalId as plain JSON, without mutating its inputs',
      'send accepts a body of exactly capabilities.maxLength characters',
      'uses only the permissions its manifest requests',
    ]);
  });

  it('catches a verify that accepts forgeries and unstable external ids', async () => {
    let n = 0;
    const sloppy = definePlugin({
      ...webhookChannel,
      channel: {
        ...webhookChannel.channel!,
        verify: () => true,
        parse: () => [{ externalId: `id-${n++}`, from: { address: 'x' }, text: '' }],
      },
    });
    expect(await failures(fixture(sloppy))).toEqual([
      'inbound: verify accepts the authentic request and rejects a forged one',
      'inbound: parse yields normalised, plain-JSON messages with stable externalIds',
    ]);
  });

  it('catches an adapter mutating the outbound message', async () => {
    const mutating = definePlugin({
      ...webhookChannel,
      channel: {
        ...webhookChannel.channel!,
        async send(message) {
          (message as { text: string }).text = 'changed';
          return { externalId: 'x' };
        },
      },
    });
    expect(await failures(fixture(mutating))).toContain(
      'send returns a non-empty externalId as plain JSON, without mutating its inputs',
    );
  });

  it('returns the checks without registering when asked', () => {
    expect(runChannelAdapterContract(() => fixture(), { register: false }).length).toBeGreaterThan(5);
  });
});
