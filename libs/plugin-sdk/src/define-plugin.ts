import type { ChannelAdapter } from './channel.js';
import { PluginManifestError } from './errors/plugin-manifest.error.js';
import type { FeaturePlugin } from './feature.js';
import { validateManifest, type PluginManifest } from './manifest.js';
import { validateSettingFields } from './settings.js';
import { SDK_VERSION } from './version.js';

/** What a plugin module default-exports (via definePlugin). */
export interface PluginDefinition extends FeaturePlugin {
  manifest: PluginManifest;
  /** Required when `manifest.kind` is `channel`, absent otherwise. */
  channel?: ChannelAdapter;
}

/** The frozen, checked definition; `sdkVersion` records which SDK built it (diagnostics). */
export type DefinedPlugin = Readonly<PluginDefinition> & { readonly sdkVersion: string };

const TYPE = /^[a-z][a-z0-9-]{0,31}$/;

/** Problems in a whole definition (manifest + contract). Hosts re-run it on whatever they load. */
export function validatePluginDefinition(def: unknown): string[] {
  if (typeof def !== 'object' || def === null) return ['plugin definition must be an object'];
  const d = def as Partial<PluginDefinition>;
  const problems = validateManifest(d.manifest);
  for (const hook of ['register', 'onEnable', 'onDisable'] as const) {
    if (d[hook] !== undefined && typeof d[hook] !== 'function') problems.push(`${hook} must be a function`);
  }
  const kind = d.manifest?.kind;
  if (kind === 'feature' && d.channel !== undefined) problems.push('a feature plugin cannot declare a channel adapter');
  if (kind === 'channel') {
    const c = d.channel as Partial<ChannelAdapter> | undefined;
    if (typeof c !== 'object' || c === null)
      problems.push('a channel plugin must declare `channel` (a ChannelAdapter)');
    else {
      if (typeof c.type !== 'string' || !TYPE.test(c.type)) problems.push(`channel.type must match ${TYPE.source}`);
      const caps = c.capabilities;
      if (typeof caps !== 'object' || caps === null) problems.push('channel.capabilities is required');
      else {
        if (typeof caps.attachments !== 'boolean') problems.push('channel.capabilities.attachments must be a boolean');
        if (typeof caps.typing !== 'boolean') problems.push('channel.capabilities.typing must be a boolean');
        if (caps.maxLength !== null && !(Number.isInteger(caps.maxLength) && (caps.maxLength as number) > 0)) {
          problems.push('channel.capabilities.maxLength must be a positive integer or null');
        }
      }
      if (c.instanceConfig === undefined) problems.push('channel.instanceConfig is required (may be [])');
      else problems.push(...validateSettingFields(c.instanceConfig, 'channel.instanceConfig'));
      if (typeof c.send !== 'function') problems.push('channel.send must be a function');
      for (const fn of ['verify', 'parse'] as const) {
        if (c[fn] !== undefined && typeof c[fn] !== 'function') problems.push(`channel.${fn} must be a function`);
      }
      if (c.parse && !c.verify)
        problems.push('channel.parse requires channel.verify (inbound requests must be authenticated)');
    }
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Declare a plugin. Validates the manifest and contract eagerly, so a broken plugin fails in
 * its own unit tests rather than at an installation's boot. The host validates again on load.
 */
export function definePlugin<T extends PluginDefinition>(definition: T): T & { readonly sdkVersion: string } {
  const problems = validatePluginDefinition(definition);
  if (problems.length) throw new PluginManifestError(problems, definition?.manifest?.id);
  const manifest = deepFreeze(JSON.parse(JSON.stringify(definition.manifest)) as PluginManifest);
  return Object.freeze({ ...definition, manifest, sdkVersion: SDK_VERSION }) as T & { readonly sdkVersion: string };
}
