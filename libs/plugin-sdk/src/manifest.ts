import semver from 'semver';
import { isPermission, isSocketPermission, type Permission } from './permissions.js';
import { validateSettingFields, type SettingField } from './settings.js';

export type PluginKind = 'channel' | 'feature';

/** What a plugin declares about itself. Plain JSON: the host stores and shows it. */
export interface PluginManifest {
  /** Stable id, lowercase kebab-case (`channel-email`). Unique per installation. */
  id: string;
  /** The plugin's own version (semver). */
  version: string;
  /** Semver range of the plugin SDK this plugin was written for (`^1.0.0`). */
  apiVersion: string;
  kind: PluginKind;
  /** Human name for admin screens; defaults to the id. */
  name?: string;
  description?: string;
  /** Everything the plugin may do; an admin grants all of it on enable. Default deny. */
  permissions: Permission[];
  /** Plugin-wide settings an admin edits (per-instance channel config lives on the adapter). */
  settings?: SettingField[];
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Problems in a manifest (empty when valid). Compatibility itself is the host's check (at boot). */
export function validateManifest(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) return ['manifest must be an object'];
  const m = manifest as Partial<PluginManifest>;
  const problems: string[] = [];
  if (typeof m.id !== 'string' || !ID.test(m.id) || m.id.length > 64)
    problems.push('id must be lowercase kebab-case (max 64 chars)');
  if (typeof m.version !== 'string' || semver.valid(m.version) !== m.version)
    problems.push('version must be a semver version');
  if (typeof m.apiVersion !== 'string' || m.apiVersion.trim() === '' || semver.validRange(m.apiVersion) === null) {
    problems.push('apiVersion must be a semver range of the plugin SDK (e.g. "^1.0.0")');
  }
  if (m.kind !== 'channel' && m.kind !== 'feature') problems.push('kind must be "channel" or "feature"');
  if (!Array.isArray(m.permissions)) problems.push('permissions must be an array (may be empty)');
  else {
    for (const p of m.permissions) if (!isPermission(p)) problems.push(`unknown permission "${String(p)}"`);
    if (new Set(m.permissions).size !== m.permissions.length) problems.push('permissions contain duplicates');
    // An older host would read `net:listen` as HTTP to a host named "listen": such a plugin must require SDK 1.3.
    const socket = m.permissions.filter((p) => typeof p === 'string' && isSocketPermission(p));
    const floor =
      typeof m.apiVersion === 'string' && semver.validRange(m.apiVersion) ? semver.minVersion(m.apiVersion) : null;
    if (socket.length && floor && semver.lt(floor, '1.3.0'))
      problems.push(`${socket.join(', ')} need(s) apiVersion ^1.3.0 or later (SDK 1.3 socket permissions)`);
  }
  problems.push(...validateSettingFields(m.settings, 'settings'));
  return problems;
}
