import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  type AppConfig,
  type DomainEventBus,
  type ContactService,
  type ContactView,
  AiProviderRegistry,
  MailTransportRegistry,
  type ChannelInboundService,
  SecretBox,
  SecretKeyRing,
} from '@switchboard/core';
import { ExtensionPointBinder } from './extension-point.binder.js';
import { PluginContextFactory } from './plugin-context.factory.js';
import { PluginHostService } from './plugin-host.service.js';
import type { PluginHttpClient } from './plugin-http.client.js';
import { PluginInstallationEntity } from './plugin-installation.entity.js';
import { PluginInstallationRepository } from './plugin-installation.repository.js';
import { PluginKvEntity } from './plugin-kv.entity.js';
import { PluginKvRepository } from './plugin-kv.repository.js';
import { PluginLifecycle } from './plugin-lifecycle.service.js';
import { PluginLoader } from './plugin-loader.service.js';
import { PluginRegistry } from './plugin-registry.service.js';
import { SecretSettings } from './secret-settings.service.js';

const fixture = (name: string) => join(__dirname, '../../../../test/fixtures/plugins', name);

/** Minimal in-memory bus with the DomainEventBus contract (subscribe returns an unsubscribe). */
class FakeBus {
  handlers = new Map<string, Set<(payload: unknown, name: string) => unknown>>();
  published: Array<{ name: string; payload: unknown }> = [];
  subscribe(name: string, handler: (payload: unknown, name: string) => unknown) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(handler);
    return () => void this.handlers.get(name)!.delete(handler);
  }
  async publish(name: string, payload: unknown) {
    this.published.push({ name, payload });
    // Like the real bus: a failing subscriber never fails the publisher.
    await Promise.all(
      [...(this.handlers.get(name) ?? [])].map(async (h) => {
        try {
          await h(payload, name);
        } catch {
          /* logged by the real bus */
        }
      }),
    );
  }
  count(name: string) {
    return this.handlers.get(name)?.size ?? 0;
  }
}

class FakeContacts {
  rows: ContactView[] = [];
  async get(id: string) {
    const row = this.rows.find((r) => r.id === id);
    if (!row) throw Object.assign(new Error(`Contact ${id} not found`), { code: 'NOT_FOUND' });
    return row;
  }
  async list() {
    return this.rows;
  }
  async create(): Promise<ContactView> {
    throw new Error('unexpected call: the host must deny before reaching the service');
  }
}

beforeAll(() => Logger.overrideLogger(false));

const secretsOf = () => new SecretSettings(new SecretBox(new SecretKeyRing('unit-test-secret-key-0123456789abcdef')));

describe('PluginHostService', () => {
  let dataSource: DataSource;
  let bus: FakeBus;
  let contacts: FakeContacts;

  const boot = async (plugins: Array<{ name: string; enable: boolean }>) => {
    const installations = new PluginInstallationRepository(dataSource);
    const kv = new PluginKvRepository(dataSource);
    const registry = new PluginRegistry();
    const factory = new PluginContextFactory(
      kv,
      contacts as unknown as ContactService,
      bus as unknown as DomainEventBus,
      {} as PluginHttpClient,
      {} as ChannelInboundService,
      new ExtensionPointBinder(new MailTransportRegistry(), new AiProviderRegistry()),
    );
    const secrets = secretsOf();
    const lifecycle = new PluginLifecycle(registry, factory, installations, bus as unknown as DomainEventBus, secrets);
    const host = new PluginHostService(
      { plugins } as AppConfig,
      new PluginLoader(),
      registry,
      lifecycle,
      installations,
      secrets,
    );
    await host.onModuleInit();
    await host.onApplicationBootstrap();
    return { host, registry, kv, installations };
  };

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [PluginInstallationEntity, PluginKvEntity],
      synchronize: true,
    });
    await dataSource.initialize();
    bus = new FakeBus();
    contacts = new FakeContacts();
    contacts.rows.push({
      id: 'c1',
      companyId: 'co1',
      firstName: 'Ada',
      lastName: 'L',
      email: 'ada@example.com',
      phone: null,
      language: null,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
  });

  afterEach(() => dataSource.destroy());

  it('refuses to boot on an incompatible plugin and records why', async () => {
    await expect(
      boot([
        { name: fixture('event-subscriber'), enable: true },
        { name: fixture('bad-api-version'), enable: true },
      ]),
    ).rejects.toThrow(
      'Plugin "bad-api-version@1.0.0" requires plugin SDK "^99.0.0" but this Switchboard provides 1.4.0',
    );
    const row = await new PluginInstallationRepository(dataSource).findByPluginId('bad-api-version');
    expect(row).toMatchObject({
      status: 'incompatible',
      enabled: false,
      statusReason: expect.stringContaining('requires plugin SDK'),
    });
  });

  it('refuses duplicate plugin ids', async () => {
    await expect(
      boot([
        { name: fixture('crash-on-enable'), enable: false },
        { name: fixture('crash-on-enable'), enable: false },
      ]),
    ).rejects.toThrow(/Plugin id "crash-on-enable" is provided by both/);
  });

  it('keeps listed plugins disabled by default, with nothing granted', async () => {
    const { host } = await boot([{ name: fixture('event-subscriber'), enable: false }]);
    expect(await host.get('event-subscriber')).toMatchObject({
      enabled: false,
      status: 'disabled',
      permissions: ['contacts.read', 'kv'],
      grantedPermissions: [],
    });
    expect(bus.count('contact.created')).toBe(0);
  });

  it('auto-enables from the config, isolating a plugin that crashes in onEnable', async () => {
    const { host } = await boot([
      { name: fixture('crash-on-enable'), enable: true },
      { name: fixture('event-subscriber'), enable: true },
      { name: fixture('settings-validation'), enable: true },
    ]);
    const views = await host.list();
    expect(views.map((v) => [v.id, v.status, v.enabled])).toEqual([
      ['crash-on-enable', 'crashed', false],
      ['event-subscriber', 'enabled', true],
      ['settings-validation', 'invalid_settings', true],
    ]);
    expect(views[0].statusReason).toBe('onEnable threw: boom on enable');
    expect(views[1].grantedPermissions).toEqual(['contacts.read', 'kv']);
    expect(views[2].statusReason).toMatch(/apiKey is required/);
    expect(bus.published).toContainEqual({ name: 'plugin.enabled', payload: { pluginId: 'event-subscriber' } });
  });

  it('delivers events to enabled subscribers only, as copies, into their own KV', async () => {
    const { host, kv } = await boot([{ name: fixture('event-subscriber'), enable: false }]);
    await bus.publish('contact.created', { contactId: 'c1', companyId: 'co1' });
    expect(await kv.get('event-subscriber', 'seen')).toBeNull();

    await host.enable('event-subscriber', ['contacts.read', 'kv']);
    const payload = { contactId: 'c1', companyId: 'co1' };
    await bus.publish('contact.created', payload);
    expect(payload.contactId).toBe('c1'); // the fixture mutates its copy
    expect(JSON.parse((await kv.get('event-subscriber', 'seen'))!)).toEqual([{ contactId: 'c1', companyId: 'co1' }]);
    // No contacts.pii.read: email withheld.
    expect(JSON.parse((await kv.get('event-subscriber', 'contact:c1'))!)).toMatchObject({
      id: 'c1',
      email: null,
      piiRedacted: true,
    });

    await host.disable('event-subscriber');
    expect(bus.count('contact.created')).toBe(0);
    expect((await host.get('event-subscriber')).status).toBe('disabled');
  });

  it('requires every requested permission on enable and nothing more', async () => {
    const { host } = await boot([{ name: fixture('event-subscriber'), enable: false }]);
    await expect(host.enable('event-subscriber', ['kv'])).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSIONS_REQUIRED',
      status: 400,
      details: { missing: ['contacts.read'] },
    });
    await expect(host.enable('event-subscriber', ['kv', 'contacts.read', 'contacts.pii.read'])).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSIONS_NOT_REQUESTED',
      details: { unexpected: ['contacts.pii.read'] },
    });
    expect((await host.get('event-subscriber')).status).toBe('disabled');
    await expect(host.enable('nope', [])).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('crashes a plugin whose event handler hits a permission error, and keeps the others', async () => {
    const { host, registry } = await boot([
      { name: fixture('denied-permission'), enable: true },
      { name: fixture('event-subscriber'), enable: true },
    ]);
    const ctx = registry.get('denied-permission')!.active!.context;
    await expect(
      ctx.contacts.create({ companyId: 'co1', firstName: 'a', lastName: 'b', email: 'x@y.z' }),
    ).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSION_DENIED',
      permission: 'contacts.write',
    });
    await expect(ctx.kv.get('x')).rejects.toMatchObject({ code: 'PLUGIN_PERMISSION_DENIED', permission: 'kv' });

    await bus.publish('contact.created', { contactId: 'c1', companyId: 'co1' });
    await new Promise((r) => setTimeout(r, 20)); // the crash is recorded asynchronously
    const view = await host.get('denied-permission');
    expect(view).toMatchObject({ status: 'crashed', enabled: false });
    expect(view.statusReason).toMatch(/event handler for "contact.created" threw: .*lacks permission "contacts.write"/);
    expect(bus.count('contact.created')).toBe(1); // event-subscriber still subscribed
    expect((await host.get('event-subscriber')).status).toBe('enabled');
    await expect(ctx.contacts.list()).rejects.toMatchObject({ code: 'PLUGIN_NOT_AVAILABLE' });
  });

  it('validates settings: rejects with field errors storing nothing, then starts once valid', async () => {
    const { host } = await boot([{ name: fixture('settings-validation'), enable: true }]);
    await expect(
      host.updateSettings('settings-validation', { apiKey: 'x', maxItems: 500, bogus: true }),
    ).rejects.toMatchObject({
      code: 'PLUGIN_INVALID_SETTINGS',
      status: 400,
      details: {
        fieldErrors: {
          apiKey: ['must be at least 3 characters'],
          maxItems: ['must be at most 100'],
          bogus: ['is not a known setting'],
        },
      },
    });
    expect((await host.get('settings-validation')).settings).toEqual({ mode: 'fast' });

    const view = await host.updateSettings('settings-validation', {
      apiKey: 'key',
      maxItems: 10,
      token: 'secret-token',
    });
    expect(view).toMatchObject({
      status: 'enabled',
      settings: { apiKey: 'key', maxItems: 10, mode: 'fast', token: '********' },
    });
    // Round-tripping the redacted secret keeps the stored one.
    await host.updateSettings('settings-validation', { ...view.settings, maxItems: 20 });
    const row = await new PluginInstallationRepository(dataSource).findByPluginId('settings-validation');
    // The round-tripped secret keeps its value, stored encrypted (#13.15).
    expect(row!.settings).toEqual({
      apiKey: 'key',
      maxItems: 20,
      mode: 'fast',
      token: expect.stringMatching(/^enc:v1:/),
    });
    expect(secretsOf().open([{ key: 'token', type: 'secret', label: 't' }], row!.settings, 'token').token).toBe(
      'secret-token',
    );
  });

  it('re-enables at boot what was enabled, and does not re-apply auto-enable after an admin disabled it', async () => {
    const first = await boot([{ name: fixture('event-subscriber'), enable: false }]);
    await first.host.enable('event-subscriber', ['contacts.read', 'kv']);
    await first.host.beforeApplicationShutdown();
    expect(bus.count('contact.created')).toBe(0);

    const second = await boot([{ name: fixture('event-subscriber'), enable: false }]);
    expect((await second.host.get('event-subscriber')).status).toBe('enabled');
    expect(bus.count('contact.created')).toBe(1);
    await second.host.disable('event-subscriber');
    await second.host.beforeApplicationShutdown();

    const third = await boot([{ name: fixture('event-subscriber'), enable: true }]);
    expect((await third.host.get('event-subscriber')).status).toBe('disabled');
  });
});

describe('PluginKvRepository', () => {
  it('scopes keys per plugin and lists by exact-case prefix', async () => {
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [PluginInstallationEntity, PluginKvEntity],
      synchronize: true,
    });
    await dataSource.initialize();
    const kv = new PluginKvRepository(dataSource);
    await kv.set('a', 'k', '"a"');
    await kv.set('b', 'k', '"b"');
    await kv.set('a', 'k', '"a2"');
    await kv.set('a', 'K:x', '1');
    await kv.set('a', 'k:y', '2');
    expect(await kv.get('a', 'k')).toBe('"a2"');
    expect(await kv.get('b', 'k')).toBe('"b"');
    expect(await kv.list('a', 'k')).toEqual([
      { key: 'k', value: '"a2"' },
      { key: 'k:y', value: '2' },
    ]);
    await kv.remove('a', 'k');
    expect(await kv.get('a', 'k')).toBeNull();
    expect(await kv.get('b', 'k')).toBe('"b"');
    await dataSource.destroy();
  });
});
