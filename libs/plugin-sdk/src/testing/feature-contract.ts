import type { PluginDefinition } from '../define-plugin.js';
import { validatePluginDefinition } from '../define-plugin.js';
import { isPluginError, PLUGIN_ERROR_CODES } from '../errors/plugin-error-codes.js';
import { EXTENSION_POINT_PERMISSIONS, type ExtensionPointMap } from '../feature.js';
import { validateSettingFields, validateSettings } from '../settings.js';
import type { ContractCheck } from './channel-contract.js';
import { createFakeHost, type FakeHostOptions } from './fake-host.js';

/** What a feature plugin's test hands to the contract suite (a fresh one per check). */
export interface FeatureContractFixture {
  plugin: PluginDefinition;
  /** Settings that make the plugin run (when it has required ones). */
  settings?: Record<string, unknown>;
  /** The extension points it must fill once enabled (SDK 1.4: e.g. `compose`, `sentiment`). */
  provides: Array<keyof ExtensionPointMap>;
  /** Extra fake-host options (http responder, ai answers…). */
  host?: Omit<FakeHostOptions, 'plugin' | 'settings' | 'permissions'>;
}

export type FeatureContractFactory = () => FeatureContractFixture | Promise<FeatureContractFixture>;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`feature contract: ${message}`);
}

/**
 * The checks every feature plugin passes: a valid manifest and settings schema, the permission of
 * each extension point it fills declared, the points filled on enable and withdrawn on disable, and a
 * refusal (PLUGIN_PERMISSION_DENIED, nothing filled) when a point's permission is not granted.
 */
export function featurePluginContractChecks(factory: FeatureContractFactory): ContractCheck[] {
  return [
    {
      name: 'the definition and its settings schema are valid',
      async run() {
        const { plugin, settings } = await factory();
        assert(
          validatePluginDefinition(plugin).length === 0,
          `invalid definition: ${validatePluginDefinition(plugin).join('; ')}`,
        );
        assert(plugin.manifest.kind === 'feature', 'kind must be "feature"');
        const fields = plugin.manifest.settings ?? [];
        assert(validateSettingFields(fields).length === 0, 'invalid settings schema');
        if (settings) assert(validateSettings(fields, settings).valid, 'the fixture settings must be valid');
      },
    },
    {
      name: 'declares the permission of every extension point it fills',
      async run() {
        const { plugin, provides } = await factory();
        for (const point of provides)
          assert(
            plugin.manifest.permissions.includes(EXTENSION_POINT_PERMISSIONS[point] as never),
            `"${point}" needs permission ${EXTENSION_POINT_PERMISSIONS[point]} in the manifest`,
          );
      },
    },
    {
      name: 'fills its extension points on enable and withdraws them on disable',
      async run() {
        const { plugin, settings, provides, host: options } = await factory();
        const host = createFakeHost({ ...options, plugin, settings });
        await host.enable();
        assert(host.status === 'enabled', `status after enable is ${host.status}`);
        for (const point of provides) assert(host.provided.has(point), `"${point}" is not filled after enable`);
        await host.disable();
        assert(host.provided.size === 0, `still filled after disable: ${[...host.provided.keys()].join(', ')}`);
      },
    },
    {
      name: 'is refused, filling nothing, without the permission of an extension point',
      async run() {
        const { plugin, settings, provides, host: options } = await factory();
        for (const point of provides) {
          const needed = EXTENSION_POINT_PERMISSIONS[point];
          const host = createFakeHost({
            ...options,
            plugin,
            settings,
            permissions: plugin.manifest.permissions.filter((p) => p !== needed),
          });
          let denied: unknown = null;
          await host.enable().catch((error: unknown) => (denied = error));
          assert(
            isPluginError(denied, PLUGIN_ERROR_CODES.permissionDenied),
            `enabling without ${needed} must fail with PLUGIN_PERMISSION_DENIED`,
          );
          assert(!host.provided.has(point), `"${point}" was filled without ${needed}`);
        }
      },
    },
  ];
}

type TestFn = (name: string, fn: () => unknown) => void;

/** Registers the checks with the test runner (jest/vitest globals) and returns them. */
export function runFeaturePluginContract(
  factory: FeatureContractFactory,
  options: { register?: boolean } = {},
): ContractCheck[] {
  const checks = featurePluginContractChecks(factory);
  const g = globalThis as { describe?: TestFn; it?: TestFn; test?: TestFn };
  const it = g.it ?? g.test;
  if (options.register !== false && g.describe && it) {
    g.describe('feature plugin contract', () => {
      for (const check of checks) it(check.name, () => check.run());
    });
  }
  return checks;
}
