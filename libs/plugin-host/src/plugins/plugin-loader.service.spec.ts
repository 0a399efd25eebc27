import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PluginLoadError } from './plugin-load.error.js';
import { PluginLoader } from './plugin-loader.service.js';

const fixtures = join(__dirname, '../../../../test/fixtures/plugins');

function tempPlugin(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-plugin-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('PluginLoader', () => {
  const loader = new PluginLoader();

  it('loads a plugin package from a path relative to the working directory', () => {
    const cwd = join(fixtures, '..');
    const loaded = loader.load('plugins/event-subscriber', cwd);
    expect(loaded.definition.manifest.id).toBe('event-subscriber');
    expect(loaded.root).toBe(join(fixtures, 'event-subscriber'));
  });

  it('loads from an absolute path', () => {
    expect(loader.load(join(fixtures, 'crash-on-enable')).definition.manifest.id).toBe('crash-on-enable');
  });

  it('refuses an incompatible apiVersion with a clear message', () => {
    let error: unknown;
    try {
      loader.load(relative(process.cwd(), join(fixtures, 'bad-api-version')));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PluginLoadError);
    expect((error as PluginLoadError).reason).toBe('incompatible');
    expect((error as Error).message).toBe(
      'Plugin "bad-api-version@1.0.0" requires plugin SDK "^99.0.0" but this Switchboard provides 1.4.0',
    );
  });

  it('re-validates definitions that did not go through definePlugin', () => {
    const dir = tempPlugin({
      'package.json': JSON.stringify({ name: 'raw', switchboard: './index.js' }),
      'index.js':
        "module.exports = { default: { manifest: { id: 'raw', version: '1.0.0', apiVersion: '^1.0.0', kind: 'feature', permissions: ['root'] } } };",
    });
    expect(() => loader.load(dir)).toThrow(/Plugin ".*" is invalid: unknown permission "root"/);
  });

  it('accepts a CommonJS module.exports definition', () => {
    const dir = tempPlugin({
      'package.json': JSON.stringify({ name: 'cjs', switchboard: './lib/main.js' }),
      'lib/main.js':
        "module.exports = { manifest: { id: 'cjs', version: '1.0.0', apiVersion: '>=1.0.0 <2', kind: 'feature', permissions: [] } };",
    });
    expect(loader.load(dir).definition.manifest.id).toBe('cjs');
  });

  it('refuses a package without a switchboard entry, a bad range, and a missing plugin', () => {
    const noEntry = tempPlugin({ 'package.json': JSON.stringify({ name: 'x' }) });
    expect(() => loader.load(noEntry)).toThrow(/no "switchboard" entry/);
    const badRange = tempPlugin({
      'package.json': JSON.stringify({ name: 'y', switchboard: './i.js' }),
      'i.js':
        "module.exports = { manifest: { id: 'y', version: '1.0.0', apiVersion: 'latest please', kind: 'feature', permissions: [] } };",
    });
    expect(() => loader.load(badRange)).toThrow(/apiVersion must be a semver range/);
    expect(() => loader.load('@nobody/not-installed-plugin')).toThrow(/no such directory or installed package/);
    expect(() => loader.load('./does-not-exist')).toThrow(/no package.json/);
  });
});
