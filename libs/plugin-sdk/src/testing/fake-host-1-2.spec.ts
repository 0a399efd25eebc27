import { definePlugin, initialSettings, type InboundMessage } from '../index.js';
import { createFakeHost } from './index.js';

const message = (externalId: string): InboundMessage => ({
  externalId,
  from: { address: 'melissa@acme.example' },
  text: 'hello',
});

describe('SDK 1.2 in the fake host (same checks as the real host: createCheckedContext)', () => {
  it('ctx.inbound needs channel.ingest, validates the message, de-duplicates by externalId and records copies', async () => {
    const denied = createFakeHost();
    await expect(denied.ctx.inbound.receive(message('<a@x>'))).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSION_DENIED',
      permission: 'channel.ingest',
    });

    const host = createFakeHost({ permissions: ['channel.ingest'] });
    expect(await host.ctx.inbound.receive(message('<a@x>'), { instanceId: 'i1' })).toEqual({
      status: 'created',
      ticketNumber: 1,
    });
    expect(await host.ctx.inbound.receive(message('<a@x>'))).toEqual({ status: 'duplicate' });
    expect(await host.ctx.inbound.receive(message('<b@x>'))).toEqual({ status: 'created', ticketNumber: 2 });
    expect(host.received.map((r) => [r.message.externalId, r.options, r.result.status])).toEqual([
      ['<a@x>', { instanceId: 'i1' }, 'created'],
      ['<a@x>', {}, 'duplicate'],
      ['<b@x>', {}, 'created'],
    ]);
    await expect(
      host.ctx.inbound.receive({ externalId: '', from: { address: '' }, text: 1 } as unknown as InboundMessage),
    ).rejects.toThrow(/externalId.*from\.address.*text/);
    await expect(
      host.ctx.inbound.receive({ ...message('<c@x>'), automatedKind: 'spam' } as unknown as InboundMessage),
    ).rejects.toThrow(/automatedKind/);

    const custom = createFakeHost({
      permissions: ['channel.ingest'],
      inbound: () => ({ status: 'rejected', reason: 'rate_limited' }),
    });
    expect(await custom.ctx.inbound.receive(message('<d@x>'))).toEqual({ status: 'rejected', reason: 'rate_limited' });
  });

  it('provide(mailTransport) needs mail.transport; unknown points are unavailable; disable withdraws it', async () => {
    const transport = { deliver: async () => undefined };
    const plugin = definePlugin({
      manifest: {
        id: 'mailer',
        version: '1.0.0',
        apiVersion: '^1.2.0',
        kind: 'feature',
        permissions: ['mail.transport'],
      },
      register(host) {
        host.provide('mailTransport', transport);
      },
    });
    const host = createFakeHost({ plugin });
    await host.enable();
    expect(host.provided.get('mailTransport')).toBe(transport);
    await host.disable();
    expect(host.provided.size).toBe(0);

    const without = createFakeHost({ plugin, permissions: [] });
    await expect(without.enable()).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSION_DENIED',
      permission: 'mail.transport',
    });
    expect(without.status).toBe('crashed');
    expect(() => createFakeHost().registrar.provide('nope' as never, {} as never)).toThrow(/not available/);
  });

  it('settings take first-start defaults from their env variable, converted by type', () => {
    const fields = [
      { key: 'port', type: 'number' as const, label: 'Port', default: 2525, env: 'X_PORT' },
      { key: 'on', type: 'boolean' as const, label: 'On', default: false, env: 'X_ON' },
      { key: 'relay', type: 'secret' as const, label: 'Relay', env: 'X_RELAY' },
      { key: 'name', type: 'string' as const, label: 'Name', default: 'a' },
    ];
    expect(initialSettings(fields, {})).toEqual({ values: { port: 2525, on: false, name: 'a' }, problems: [] });
    expect(initialSettings(fields, { X_PORT: '0', X_ON: 'true', X_RELAY: 'smtp://h:25' })).toEqual({
      values: { port: 0, on: true, relay: 'smtp://h:25', name: 'a' },
      problems: [],
    });
    const bad = initialSettings(fields, { X_PORT: 'many', X_ON: 'maybe' });
    expect(bad.values).toEqual({ port: 2525, on: false, name: 'a' });
    expect(bad.problems).toEqual(['X_PORT (port) must be a number', 'X_ON (on) must be a boolean']);

    const plugin = definePlugin({
      manifest: {
        id: 'envy',
        version: '1.0.0',
        apiVersion: '^1.2.0',
        kind: 'feature',
        permissions: [],
        settings: fields,
      },
    });
    expect(createFakeHost({ plugin, env: { X_PORT: '2600' } }).ctx.settings.get('port')).toBe(2600);
    expect(() =>
      definePlugin({
        manifest: {
          id: 'bad-env',
          version: '1.0.0',
          apiVersion: '^1.2.0',
          kind: 'feature',
          permissions: [],
          settings: [{ key: 'a', type: 'string', label: 'A', env: 'lower-case' }],
        },
      }),
    ).toThrow(/env must be/);
  });
});
