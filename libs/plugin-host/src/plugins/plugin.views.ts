import { redactSettings, type PluginDefinition, type SettingField } from '@switchboard/plugin-sdk';
import type { PluginInstallationEntity, PluginStatus } from './plugin-installation.entity.js';

/** What the admin API returns for a plugin: plain JSON, secrets redacted. */
export interface PluginView {
  id: string;
  name: string;
  description: string | null;
  version: string;
  apiVersion: string;
  kind: 'channel' | 'feature';
  enabled: boolean;
  status: PluginStatus;
  statusReason: string | null;
  /** Requested by the manifest. */
  permissions: string[];
  grantedPermissions: string[];
  settingsSchema: SettingField[];
  settings: Record<string, string | number | boolean>;
  channel: { type: string; capabilities: Record<string, unknown>; instanceConfig: SettingField[] } | null;
  updatedAt: string;
}

export function toPluginView(definition: PluginDefinition, row: PluginInstallationEntity): PluginView {
  const { manifest, channel } = definition;
  const schema = manifest.settings ?? [];
  return JSON.parse(
    JSON.stringify({
      id: manifest.id,
      name: manifest.name ?? manifest.id,
      description: manifest.description ?? null,
      version: manifest.version,
      apiVersion: manifest.apiVersion,
      kind: manifest.kind,
      enabled: row.enabled,
      status: row.status,
      statusReason: row.statusReason,
      permissions: manifest.permissions,
      grantedPermissions: row.grantedPermissions,
      settingsSchema: schema,
      settings: redactSettings(schema, row.settings ?? {}),
      channel: channel
        ? { type: channel.type, capabilities: channel.capabilities, instanceConfig: channel.instanceConfig }
        : null,
      updatedAt: new Date(row.updatedAt).toISOString(),
    }),
  ) as PluginView;
}
