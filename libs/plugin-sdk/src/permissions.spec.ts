import { createServer } from 'node:net';
import { validateManifest } from './manifest.js';
import { isConnectAllowed, isListenAllowed, isPermission, isUrlAllowed, missingPermissions } from './permissions.js';
import { createCheckedContext } from './runtime/create-checked-context.js';
import type { PluginBackend } from './runtime/plugin-backend.js';

describe('permissions', () => {
  it('knows domain and net permissions', () => {
    expect(isPermission('contacts.read')).toBe(true);
    expect(isPermission('net:api.example.com')).toBe(true);
    expect(isPermission('net:*.example.com')).toBe(true);
    expect(isPermission('net:api.example.com:8443')).toBe(true);
    expect(isPermission('contacts.*')).toBe(false);
    expect(isPermission('net:')).toBe(false);
    expect(isPermission('net:https://x.com')).toBe(false);
    expect(isPermission('admin')).toBe(false);
  });

  it('allows only granted hosts over http(s)', () => {
    const granted = ['net:api.example.com', 'net:*.cdn.test', 'net:local.test:8080'];
    expect(isUrlAllowed(granted, 'https://api.example.com/v1')).toBe(true);
    expect(isUrlAllowed(granted, 'https://API.example.com/v1')).toBe(true);
    expect(isUrlAllowed(granted, 'https://evil.com/?x=api.example.com')).toBe(false);
    expect(isUrlAllowed(granted, 'https://api.example.com.evil.com/')).toBe(false);
    expect(isUrlAllowed(granted, 'https://user:pw@api.example.com/')).toBe(false);
    expect(isUrlAllowed(granted, 'ftp://api.example.com/')).toBe(false);
    expect(isUrlAllowed(granted, 'https://a.cdn.test/')).toBe(true);
    expect(isUrlAllowed(granted, 'https://cdn.test/')).toBe(false);
    expect(isUrlAllowed(granted, 'https://xcdn.test/')).toBe(false);
    expect(isUrlAllowed(granted, 'http://local.test:8080/')).toBe(true);
    expect(isUrlAllowed(granted, 'http://local.test:9090/')).toBe(false);
    expect(isUrlAllowed(granted, 'not a url')).toBe(false);
  });

  it('#13.14 knows the SDK 1.3 socket permissions, which are never HTTP grants', () => {
    for (const p of [
      'net:listen',
      'net:listen:2525',
      'net:connect',
      'net:connect:smtp.example.com',
      'net:connect:*.mail.test:993',
    ])
      expect(isPermission(p)).toBe(true);
    expect(isPermission('net:listen:x')).toBe(false);
    expect(isPermission('net:connect:')).toBe(false);
    expect(isUrlAllowed(['net:listen', 'net:connect'], 'http://listen/')).toBe(false);
    expect(isUrlAllowed(['net:connect:api.example.com'], 'https://api.example.com/')).toBe(false);
  });

  it('#13.14 listen: any port with net:listen, one port with net:listen:<port>; port 0 needs net:listen', () => {
    expect(isListenAllowed(['net:listen'], 2525)).toBe(true);
    expect(isListenAllowed(['net:listen:2525'], 2525)).toBe(true);
    expect(isListenAllowed(['net:listen:2525'], 25)).toBe(false);
    expect(isListenAllowed(['net:listen:2525'], 0)).toBe(false);
    expect(isListenAllowed(['net:example.com'], 2525)).toBe(false);
  });

  it('#13.14 connect: any host with net:connect, else the named host (and port)', () => {
    expect(isConnectAllowed(['net:connect'], 'relay.example.com', 587)).toBe(true);
    expect(isConnectAllowed(['net:connect:relay.example.com'], 'RELAY.example.com', 587)).toBe(true);
    expect(isConnectAllowed(['net:connect:relay.example.com:465'], 'relay.example.com', 587)).toBe(false);
    expect(isConnectAllowed(['net:connect:*.mail.test'], 'imap.mail.test', 993)).toBe(true);
    expect(isConnectAllowed(['net:connect:*.mail.test'], 'mail.test', 993)).toBe(false);
    expect(isConnectAllowed(['net:relay.example.com'], 'relay.example.com', 587)).toBe(false);
  });

  it('#13.14 a manifest with socket permissions must require SDK 1.3', () => {
    const manifest = { id: 'x', version: '1.0.0', kind: 'feature', permissions: ['net:listen'] };
    expect(validateManifest({ ...manifest, apiVersion: '^1.2.0' })).toEqual([
      'net:listen need(s) apiVersion ^1.3.0 or later (SDK 1.3 socket permissions)',
    ]);
    expect(validateManifest({ ...manifest, apiVersion: '^1.3.0' })).toEqual([]);
  });

  it('#13.14 ctx.net.listen refuses without the grant before the server binds, and listens with it', async () => {
    const context = (permissions: string[]) =>
      createCheckedContext({
        plugin: { id: 'p', version: '1.0.0' },
        permissions,
        settings: {},
        backend: { logger: { debug() {}, info() {}, warn() {}, error() {} } } as unknown as PluginBackend,
        onHandlerError() {},
      }).context;
    const refused = createServer();
    await expect(context([]).net.listen(refused, { port: 0, host: '127.0.0.1' })).rejects.toThrow(
      /lacks permission "net:listen"/,
    );
    expect(refused.listening).toBe(false);
    const server = createServer();
    await context(['net:listen']).net.listen(server, { port: 0, host: '127.0.0.1' });
    expect(server.listening).toBe(true);
    await new Promise((resolve) => server.close(resolve));
    expect(() => context(['net:connect:a.test']).net.assertConnect('b.test', 25)).toThrow(/net:connect:b.test:25/);
  });

  it('#13.14 a server still listening when the context is revoked (a crash: no onDisable) is closed', async () => {
    const checked = createCheckedContext({
      plugin: { id: 'p', version: '1.0.0' },
      permissions: ['net:listen'],
      settings: {},
      backend: { logger: { debug() {}, info() {}, warn() {}, error() {} } } as unknown as PluginBackend,
      onHandlerError() {},
    });
    const server = createServer();
    await checked.context.net.listen(server, { port: 0, host: '127.0.0.1' });
    const closed = new Promise((resolve) => server.once('close', resolve));
    checked.revoke();
    await closed;
    expect(server.listening).toBe(false);
    await expect(checked.context.net.listen(createServer(), { port: 0 })).rejects.toThrow(/disabled/);
  });

  it('lists missing permissions', () => {
    expect(missingPermissions(['kv', 'contacts.read'], ['kv'])).toEqual(['contacts.read']);
  });
});
