import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError } from './app-config.js';

describe('AppConfig.fromEnvironment', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'sb-config-'));

  it('defaults to SQLite in ./data on port 3000', () => {
    const c = AppConfig.fromEnvironment({}, cwd);
    expect(c).toMatchObject({
      port: 3000,
      driver: 'sqlite',
      sqlitePath: join(cwd, 'data', 'switchboard.sqlite'),
      plugins: [],
    });
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(AppConfig.fromEnvironment({ DATABASE_URL: 'postgres://u:p@db:5432/sb' }, cwd).driver).toBe('postgres');
  });

  it('lists every problem in one readable error', () => {
    try {
      AppConfig.fromEnvironment(
        { DATABASE_URL: 'mysql://x', PORT: 'eighty', REDIS_URL: 'localhost', SWITCHBOARD_ADMIN_EMAIL: 'nope' },
        cwd,
      );
      fail('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/DATABASE_URL must look like postgres:\/\//);
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/REDIS_URL must look like redis:\/\//);
      expect(msg).toMatch(/SWITCHBOARD_ADMIN_EMAIL must be an email address/);
    }
  });

  it('requires the first-admin email and password together', () => {
    expect(() => AppConfig.fromEnvironment({ SWITCHBOARD_ADMIN_EMAIL: 'a@b.example' }, cwd)).toThrow(
      /must be set together/,
    );
  });

  it('reads plugins from SWITCHBOARD_PLUGINS, enabling those marked :enabled', () => {
    const c = AppConfig.fromEnvironment({ SWITCHBOARD_PLUGINS: 'plugins/channel-email:enabled, @acme/sb-plugin' }, cwd);
    expect(c.plugins).toEqual([
      { name: 'plugins/channel-email', enable: true },
      { name: '@acme/sb-plugin', enable: false },
    ]);
  });

  it('reads plugins from switchboard.config.json, and reports a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    writeFileSync(
      join(dir, 'switchboard.config.json'),
      JSON.stringify({ plugins: ['a', { name: 'b', enable: true }] }),
    );
    expect(AppConfig.fromEnvironment({}, dir).plugins).toEqual([
      { name: 'a', enable: false },
      { name: 'b', enable: true },
    ]);
    writeFileSync(join(dir, 'switchboard.config.json'), '{ plugins: ');
    expect(() => AppConfig.fromEnvironment({}, dir)).toThrow(/is not valid JSON/);
    expect(() => AppConfig.fromEnvironment({ SWITCHBOARD_CONFIG: 'missing.json' }, dir)).toThrow(/does not exist/);
  });

  it('#13.8 trusts no proxy unless SWITCHBOARD_TRUST_PROXY says which', () => {
    expect(AppConfig.fromEnvironment({}, cwd).trustProxy).toBe(false);
    expect(AppConfig.fromEnvironment({ SWITCHBOARD_TRUST_PROXY: 'true' }, cwd).trustProxy).toBe(true);
    expect(AppConfig.fromEnvironment({ SWITCHBOARD_TRUST_PROXY: '2' }, cwd).trustProxy).toBe(2);
    expect(AppConfig.fromEnvironment({ SWITCHBOARD_TRUST_PROXY: 'loopback, 10.0.0.0/8' }, cwd).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => AppConfig.fromEnvironment({ SWITCHBOARD_TRUST_PROXY: 'everyone' }, cwd)).toThrow(
      /SWITCHBOARD_TRUST_PROXY must be/,
    );
  });

  it('#13.5 reads the allowed origins list', () => {
    const c = AppConfig.fromEnvironment({ SWITCHBOARD_ALLOWED_ORIGINS: 'https://a.example.com/, http://b:8080' }, cwd);
    expect(c.allowedOrigins).toEqual(['https://a.example.com', 'http://b:8080']);
    expect(() => AppConfig.fromEnvironment({ SWITCHBOARD_ALLOWED_ORIGINS: 'a.example.com' }, cwd)).toThrow(
      /SWITCHBOARD_ALLOWED_ORIGINS must be/,
    );
  });

  it('#20 reads SWITCHBOARD_STORAGE, listing its problems with the others', () => {
    expect(AppConfig.fromEnvironment({}, cwd).storage).toEqual({ kind: 'local' });
    expect(
      AppConfig.fromEnvironment({ SWITCHBOARD_STORAGE: 's3://files-bucket?region=eu-west-1' }, cwd).storage,
    ).toMatchObject({ kind: 's3', bucket: 'files-bucket', region: 'eu-west-1' });
    expect(() => AppConfig.fromEnvironment({ SWITCHBOARD_STORAGE: 's3://x', PORT: 'eighty' }, cwd)).toThrow(
      /PORT[\s\S]*SWITCHBOARD_STORAGE names an invalid bucket "x"/,
    );
  });
});
