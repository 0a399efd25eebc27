import type { ChannelAddress, ChannelAdapter, ChannelInstance, InboundRequest, OutboundMessage } from '../channel.js';
import type { PluginDefinition } from '../define-plugin.js';
import { validatePluginDefinition } from '../define-plugin.js';
import { isPluginError } from '../errors/plugin-error-codes.js';
import { inboundProblems } from '../runtime/create-checked-context.js';
import { validateSettingFields, validateSettings } from '../settings.js';
import { createFakeHost, type FakeHost, type FakeHttpResponder } from './fake-host.js';

/** What a channel plugin's test hands to the contract suite (a fresh one per check). */
export interface ChannelContractFixture {
  plugin: PluginDefinition;
  /** A valid instance configuration for the adapter's `instanceConfig`. */
  instanceConfig: Record<string, unknown>;
  /** Plugin settings, if the plugin has required ones. */
  settings?: Record<string, unknown>;
  /** Where `send` delivers in the test. */
  address: ChannelAddress;
  /** Fake remote API for `ctx.http.fetch` (only hosts granted in the manifest are reachable). */
  http?: FakeHttpResponder;
  /** Required when the adapter has `parse`: an authentic request, and optionally a forged one. */
  inbound?: { valid: InboundRequest; forged?: InboundRequest };
  /** SDK 1.2: environment for settings' `env` first-start defaults. */
  env?: Record<string, string | undefined>;
  /**
   * SDK 1.2, for adapters that run their own listener (an SMTP server, a mailbox poller) and feed
   * `ctx.inbound`: make that listener receive one sample message from outside (e.g. an SMTP
   * session against the port the settings name). Called twice with the same sample; the plugin is
   * enabled in a fake host before and disabled after.
   */
  listener?: { deliver(host: FakeHost): Promise<void> };
}

export interface ContractCheck {
  name: string;
  run(): Promise<void>;
}

export type ChannelContractFactory = () => ChannelContractFixture | Promise<ChannelContractFixture>;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`channel contract: ${message}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function isPlainJson(value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** Hosts a check created: disabled afterwards so listeners a plugin started (SMTP servers, pollers) are closed. */
const live = new Set<FakeHost>();

async function setup(factory: ChannelContractFactory) {
  const fixture = await factory();
  const adapter = fixture.plugin.channel as ChannelAdapter;
  assert(adapter, 'plugin has no channel adapter');
  const config = validateSettings(adapter.instanceConfig, fixture.instanceConfig);
  assert(config.valid, `fixture instanceConfig is invalid: ${JSON.stringify(config.fieldErrors)}`);
  // Grants exactly what the manifest requests: an undeclared access fails the suite.
  const host = createFakeHost({
    plugin: fixture.plugin,
    settings: fixture.settings,
    http: fixture.http,
    env: fixture.env,
  });
  live.add(host);
  const instance: ChannelInstance = deepFreeze({
    id: 'instance-1',
    pluginId: fixture.plugin.manifest.id,
    name: 'Contract test',
    config: config.values,
  });
  return { fixture, adapter, host, instance };
}

const sample = (id: string, text = 'Hello from the contract suite'): OutboundMessage => ({
  id,
  text,
  subject: 'Contract test',
});

/** The named checks, for any runner: `for (const c of checks) await c.run()`. */
export function channelAdapterContractChecks(factory: ChannelContractFactory): ContractCheck[] {
  return checks(factory).map((check) => ({
    name: check.name,
    async run() {
      try {
        await check.run();
      } finally {
        for (const host of [...live]) {
          live.delete(host);
          if (host.status === 'enabled') await host.disable().catch(() => undefined);
        }
      }
    },
  }));
}

function checks(factory: ChannelContractFactory): ContractCheck[] {
  return [
    {
      name: 'is a valid channel plugin definition',
      async run() {
        const { fixture } = await setup(factory);
        const problems = validatePluginDefinition(fixture.plugin);
        assert(problems.length === 0, problems.join('; '));
        assert(fixture.plugin.manifest.kind === 'channel', 'manifest.kind must be "channel"');
      },
    },
    {
      name: 'declares capabilities and a valid instance config schema',
      async run() {
        const { adapter } = await setup(factory);
        const problems = validateSettingFields(adapter.instanceConfig, 'instanceConfig');
        assert(problems.length === 0, problems.join('; '));
        assert(typeof adapter.capabilities.attachments === 'boolean', 'capabilities.attachments must be boolean');
        assert(
          isPlainJson(adapter.capabilities) && isPlainJson(adapter.instanceConfig),
          'capabilities and instanceConfig must be plain JSON',
        );
      },
    },
    {
      name: 'send returns a non-empty externalId as plain JSON, without mutating its inputs',
      async run() {
        const { adapter, host, instance, fixture } = await setup(factory);
        await host.enable();
        const message = deepFreeze(sample('msg-1'));
        const address = deepFreeze({ ...fixture.address });
        const result = await adapter.send(message, address, instance, host.ctx);
        assert(
          result && typeof result.externalId === 'string' && result.externalId.length > 0,
          'send must return { externalId: non-empty string }',
        );
        assert(isPlainJson(result), 'send result must be plain JSON');
      },
    },
    {
      name: 'send accepts a body of exactly capabilities.maxLength characters',
      async run() {
        const { adapter, host, instance, fixture } = await setup(factory);
        await host.enable();
        const length = Math.min(adapter.capabilities.maxLength ?? 10_000, 100_000);
        const result = await adapter.send(
          sample('msg-max', 'x'.repeat(length)),
          { ...fixture.address },
          instance,
          host.ctx,
        );
        assert(
          typeof result?.externalId === 'string' && result.externalId.length > 0,
          'send must succeed at maxLength',
        );
      },
    },
    {
      name: 'uses only the permissions its manifest requests',
      async run() {
        const { adapter, host, instance, fixture } = await setup(factory);
        await host.enable();
        try {
          await adapter.send(sample('msg-perm'), { ...fixture.address }, instance, host.ctx);
        } catch (error) {
          if (isPluginError(error, 'PLUGIN_PERMISSION_DENIED'))
            throw new Error(`channel contract: ${(error as Error).message}`, { cause: error });
          throw error;
        }
        assert(host.denied.length === 0, `denied: ${host.denied.map((e) => e.permission).join(', ')}`);
      },
    },
    {
      name: 'inbound: verify accepts the authentic request and rejects a forged one',
      async run() {
        const { adapter, host, instance, fixture } = await setup(factory);
        if (!adapter.parse) return;
        assert(fixture.inbound, 'an adapter with parse must provide fixture.inbound');
        await host.enable();
        assert(
          (await adapter.verify!(deepFreeze({ ...fixture.inbound.valid }), instance, host.ctx)) === true,
          'verify(valid) must be true',
        );
        if (fixture.inbound.forged) {
          assert(
            (await adapter.verify!(deepFreeze({ ...fixture.inbound.forged }), instance, host.ctx)) === false,
            'verify(forged) must be false',
          );
        }
      },
    },
    {
      name: 'inbound: parse yields normalised, plain-JSON messages with stable externalIds',
      async run() {
        const { adapter, host, instance, fixture } = await setup(factory);
        if (!adapter.parse) return;
        assert(fixture.inbound, 'an adapter with parse must provide fixture.inbound');
        await host.enable();
        const first = await adapter.parse(
          deepFreeze(JSON.parse(JSON.stringify(fixture.inbound.valid))),
          instance,
          host.ctx,
        );
        const again = await adapter.parse(
          deepFreeze(JSON.parse(JSON.stringify(fixture.inbound.valid))),
          instance,
          host.ctx,
        );
        assert(Array.isArray(first), 'parse must return an array');
        assert(isPlainJson(first), 'parsed messages must be plain JSON');
        for (const m of first) {
          const problems = inboundProblems(m);
          assert(problems.length === 0, `parsed message is not a valid InboundMessage: ${problems.join('; ')}`);
          assert(typeof m.externalId === 'string' && m.externalId.length > 0, 'each message needs an externalId');
          assert(typeof m.from?.address === 'string' && m.from.address.length > 0, 'each message needs from.address');
          assert(typeof m.text === 'string', 'each message needs text');
        }
        assert(
          JSON.stringify(first.map((m) => m.externalId)) === JSON.stringify(again.map((m) => m.externalId)),
          'externalIds must be stable across redeliveries (de-duplication relies on them)',
        );
      },
    },
    {
      name: 'listener: messages fed to ctx.inbound are valid, with stable externalIds, and stop on disable',
      async run() {
        const { host, fixture } = await setup(factory);
        if (!fixture.listener) return;
        await host.enable();
        try {
          await fixture.listener.deliver(host);
          assert(host.received.length > 0, 'the listener handed nothing to ctx.inbound.receive');
          const firstIds = host.received.map((r) => r.message.externalId);
          for (const r of host.received) {
            const problems = inboundProblems(r.message);
            assert(problems.length === 0, `received message is not a valid InboundMessage: ${problems.join('; ')}`);
          }
          const before = host.received.length;
          await fixture.listener.deliver(host);
          const againIds = host.received.slice(before).map((r) => r.message.externalId);
          assert(
            JSON.stringify(firstIds) === JSON.stringify(againIds),
            'a redelivered message must keep its externalId (de-duplication relies on it)',
          );
          assert(host.denied.length === 0, `denied: ${host.denied.map((e) => e.permission).join(', ')}`);
        } finally {
          await host.disable();
        }
        assert(host.provided.size === 0, 'extension points must be withdrawn on disable');
      },
    },
  ];
}

type TestFn = (name: string, fn: () => void | Promise<void>) => void;

/**
 * Runs the contract. With a global `describe`/`it` (jest, vitest, mocha) it registers one test
 * per check inside `describe('channel adapter contract')`; either way it returns the checks so
 * any other runner can execute them. Call it at a test file's top level.
 */
export function runChannelAdapterContract(
  factory: ChannelContractFactory,
  options: { register?: boolean } = {},
): ContractCheck[] {
  const checks = channelAdapterContractChecks(factory);
  const g = globalThis as { describe?: TestFn; it?: TestFn; test?: TestFn };
  const it = g.it ?? g.test;
  if (options.register !== false && g.describe && it) {
    g.describe('channel adapter contract', () => {
      for (const check of checks) it(check.name, () => check.run());
    });
  }
  return checks;
}
