import { definePlugin, isPluginError, PluginPermissionError, type JsonValue } from '../index.js';
import { createFakeHost } from './index.js';

const contact = {
  id: 'c1',
  companyId: 'co1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+4412345',
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('createFakeHost', () => {
  it('denies by default: no permissions, no access', async () => {
    const host = createFakeHost({ contacts: [contact] });
    await expect(host.ctx.contacts.get('c1')).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSION_DENIED',
      permission: 'contacts.read',
    });
    await expect(host.ctx.kv.set('a', 1)).rejects.toMatchObject({ code: 'PLUGIN_PERMISSION_DENIED', permission: 'kv' });
    expect(() => host.ctx.events.on('contact.created', () => undefined)).toThrow(PluginPermissionError);
    expect(host.denied.map((e) => e.permission)).toEqual(['contacts.read', 'kv', 'contacts.read']);
    expect(host.logs.filter((l) => l.level === 'warn')).toHaveLength(3);
  });

  it('names the missing permission in a typed error', async () => {
    const plugin = definePlugin({
      manifest: {
        id: 'reader',
        version: '1.0.0',
        apiVersion: '^1.0.0',
        kind: 'feature',
        permissions: ['contacts.read'],
      },
    });
    const host = createFakeHost({ plugin });
    const error = await host.ctx.contacts
      .create({ companyId: 'co1', firstName: 'A', lastName: 'B', email: 'a@b.c' })
      .catch((e: unknown) => e);
    expect(isPluginError(error, 'PLUGIN_PERMISSION_DENIED')).toBe(true);
    expect((error as PluginPermissionError).permission).toBe('contacts.write');
    expect((error as Error).message).toBe(
      'Plugin "reader" lacks permission "contacts.write" required for contacts.create',
    );
  });

  it('withholds PII unless contacts.pii.read is granted', async () => {
    const plain = createFakeHost({ permissions: ['contacts.read'], contacts: [contact] });
    expect(await plain.ctx.contacts.get('c1')).toEqual({ ...contact, email: null, phone: null, piiRedacted: true });
    const pii = createFakeHost({ permissions: ['contacts.read', 'contacts.pii.read'], contacts: [contact] });
    expect(await pii.ctx.contacts.list()).toEqual([{ ...contact, piiRedacted: false }]);
    expect(await pii.ctx.contacts.get('nope')).toBeNull();
  });

  it('creates contacts with contacts.write and emits contact.created to subscribers', async () => {
    const host = createFakeHost({ permissions: ['contacts.read', 'contacts.write'] });
    const seen: unknown[] = [];
    host.ctx.events.on('contact.created', (p) => void seen.push(p));
    const created = await host.ctx.contacts.create({ companyId: 'co1', firstName: 'A', lastName: 'B', email: 'a@b.c' });
    expect(created).toMatchObject({ companyId: 'co1', email: null, piiRedacted: true });
    expect(host.emitted).toEqual([{ name: 'contact.created', payload: { contactId: created.id, companyId: 'co1' } }]);
    expect(seen).toEqual([{ contactId: created.id, companyId: 'co1' }]);
  });

  it('offers a scoped JSON KV store', async () => {
    const host = createFakeHost({ permissions: ['kv'] });
    const value = { a: [1, 2], b: 'x' };
    await host.ctx.kv.set('k:1', value);
    value.a.push(3); // the store keeps a copy
    await host.ctx.kv.set('k:2', 'two');
    await host.ctx.kv.set('other', true);
    expect(await host.ctx.kv.get('k:1')).toEqual({ a: [1, 2], b: 'x' });
    expect(await host.ctx.kv.list('k:')).toEqual([
      { key: 'k:1', value: { a: [1, 2], b: 'x' } },
      { key: 'k:2', value: 'two' },
    ]);
    await host.ctx.kv.delete('k:1');
    expect(await host.ctx.kv.get('k:1')).toBeNull();
    await expect(host.ctx.kv.set('', 1)).rejects.toThrow(/kv key/);
    await expect(host.ctx.kv.set('big', 'x'.repeat(70_000))).rejects.toThrow(/exceeds/);
    await expect(host.ctx.kv.set('fn', (() => 1) as unknown as JsonValue)).rejects.toThrow(/JSON/);
  });

  it('allows HTTP only to granted hosts and does not follow the plugin into others', async () => {
    const host = createFakeHost({
      permissions: ['net:api.example.com'],
      http: () => ({ status: 200, body: '{"ok":true}' }),
    });
    expect(await host.ctx.http.fetch('https://api.example.com/x', { method: 'POST', body: '{}' })).toEqual({
      status: 200,
      ok: true,
      headers: {},
      body: '{"ok":true}',
    });
    await expect(host.ctx.http.fetch('https://evil.example.com/x')).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSION_DENIED',
      permission: 'net:evil.example.com',
    });
    expect(host.httpRequests.map((r) => r.url)).toEqual(['https://api.example.com/x']);
  });

  it('delivers deep copies of event payloads', async () => {
    const host = createFakeHost({ permissions: ['contacts.read'] });
    const received: unknown[] = [];
    host.ctx.events.on('contact.created', (p) => {
      received.push({ ...p });
      (p as { contactId: string }).contactId = 'mutated';
    });
    host.ctx.events.on('contact.created', (p) => void received.push(p));
    const payload = { contactId: 'c1', companyId: 'co1' };
    await host.publish('contact.created', payload);
    expect(payload.contactId).toBe('c1');
    expect(received).toEqual([payload, payload]);
  });

  it('crashes the plugin when a handler throws: subscriptions removed, context revoked', async () => {
    const plugin = definePlugin({
      manifest: {
        id: 'fragile',
        version: '1.0.0',
        apiVersion: '^1.0.0',
        kind: 'feature',
        permissions: ['contacts.read', 'kv'],
      },
      register(host) {
        host.events.on('contact.created', () => {
          throw new Error('handler bug');
        });
      },
    });
    const host = createFakeHost({ plugin });
    await host.enable();
    expect(host.status).toBe('enabled');
    expect(host.subscriptions('contact.created')).toBe(1);
    await expect(host.publish('contact.created', { contactId: 'c1', companyId: 'co1' })).rejects.toThrow('handler bug');
    expect(host.status).toBe('crashed');
    expect(host.subscriptions()).toBe(0);
    await expect(host.ctx.kv.get('x')).rejects.toMatchObject({ code: 'PLUGIN_NOT_AVAILABLE' });
  });

  it('runs the lifecycle and validates settings like the real host', async () => {
    const calls: string[] = [];
    const plugin = definePlugin({
      manifest: {
        id: 'lifecycle',
        version: '1.0.0',
        apiVersion: '^1.0.0',
        kind: 'feature',
        permissions: [],
        settings: [{ key: 'max', type: 'number', label: 'Max', required: true, min: 1 }],
      },
      onEnable: (ctx) => void calls.push(`enable:${ctx.settings.get('max')}`),
      register: () => void calls.push('register'),
      onDisable: () => void calls.push('disable'),
    });
    expect(() => createFakeHost({ plugin, settings: { max: 0 } })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_INVALID_SETTINGS', fieldErrors: { max: ['must be at least 1'] } }),
    );
    const host = createFakeHost({ plugin, settings: { max: 3 } });
    await host.enable();
    await host.disable();
    expect(calls).toEqual(['enable:3', 'register', 'disable']);
    expect(host.status).toBe('disabled');
  });

  it('keeps conversations and tickets behind NotAvailable placeholders', async () => {
    const host = createFakeHost({ permissions: ['conversations.read', 'tickets.read'] });
    await expect(host.ctx.conversations.get('x')).rejects.toMatchObject({ code: 'PLUGIN_NOT_AVAILABLE' });
    await expect(host.ctx.tickets.list()).rejects.toMatchObject({ code: 'PLUGIN_NOT_AVAILABLE' });
    expect(() => host.registrar.provide('x' as never, {} as never)).toThrow(/extension point/);
  });

  it('refuses unknown events', () => {
    const host = createFakeHost({ permissions: ['contacts.read'] });
    expect(() => host.ctx.events.on('ticket.secret' as never, () => undefined)).toThrow(
      /not a public Switchboard event/,
    );
  });
});
