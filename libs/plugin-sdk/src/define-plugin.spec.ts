import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  definePlugin,
  isPluginError,
  PluginManifestError,
  SDK_VERSION,
  validateManifest,
  type PluginDefinition,
} from './index.js';

const manifest = {
  id: 'my-plugin',
  version: '1.2.3',
  apiVersion: '^1.0.0',
  kind: 'feature' as const,
  permissions: ['kv' as const],
};

describe('definePlugin', () => {
  it('SDK_VERSION is the package version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(SDK_VERSION).toBe(pkg.version);
  });

  it('returns a frozen definition stamped with the SDK version', () => {
    const plugin = definePlugin({ manifest, onEnable: () => undefined });
    expect(plugin.sdkVersion).toBe(SDK_VERSION);
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin.manifest.permissions)).toBe(true);
  });

  it('rejects invalid manifests with a typed error listing the problems', () => {
    let error: unknown;
    try {
      definePlugin({
        manifest: {
          ...manifest,
          id: 'Bad Id',
          version: 'one',
          apiVersion: 'newest',
          permissions: ['contacts.*' as never, 'kv', 'kv'],
        },
      });
    } catch (e) {
      error = e;
    }
    expect(isPluginError(error, 'PLUGIN_INVALID_MANIFEST')).toBe(true);
    expect(error).toBeInstanceOf(PluginManifestError);
    expect((error as PluginManifestError).problems).toEqual([
      'id must be lowercase kebab-case (max 64 chars)',
      'version must be a semver version',
      'apiVersion must be a semver range of the plugin SDK (e.g. "^1.0.0")',
      'unknown permission "contacts.*"',
      'permissions contain duplicates',
    ]);
  });

  it('requires a channel adapter for channel plugins, and only for them', () => {
    expect(() => definePlugin({ manifest: { ...manifest, kind: 'channel' } })).toThrow(/must declare `channel`/);
    const channel = {
      type: 'sms',
      capabilities: { attachments: false, maxLength: 160, typing: false },
      instanceConfig: [],
      send: async () => ({ externalId: '1' }),
    };
    expect(() => definePlugin({ manifest, channel })).toThrow(/feature plugin cannot declare a channel/);
    expect(definePlugin({ manifest: { ...manifest, kind: 'channel' }, channel }).channel?.type).toBe('sms');
    expect(() =>
      definePlugin({ manifest: { ...manifest, kind: 'channel' }, channel: { ...channel, parse: () => [] } }),
    ).toThrow(/parse requires channel.verify/);
    expect(() =>
      definePlugin({
        manifest: { ...manifest, kind: 'channel' },
        channel: { ...channel, capabilities: { attachments: false, maxLength: 0, typing: false } },
      }),
    ).toThrow(/maxLength/);
  });

  it('validates the settings schema as part of the manifest', () => {
    expect(validateManifest({ ...manifest, settings: [{ key: 'x', type: 'colour', label: 'X' }] })).toEqual([
      'settings[0].type must be one of string, number, boolean, select, secret',
    ]);
  });

  it('rejects non-function hooks', () => {
    expect(() => definePlugin({ manifest, onEnable: 'yes' } as unknown as PluginDefinition)).toThrow(
      /onEnable must be a function/,
    );
  });
});
