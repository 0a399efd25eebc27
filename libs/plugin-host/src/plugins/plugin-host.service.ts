import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import {
  REDACTED_SECRET,
  initialSettings,
  missingPermissions,
  validateSettings,
  type PluginDefinition,
  type SettingsValues,
} from '@switchboard/plugin-sdk';
import { AppConfig, DomainError, newId } from '@switchboard/core';
import { PluginInstallationEntity } from './plugin-installation.entity.js';
import { PluginInstallationRepository } from './plugin-installation.repository.js';
import { PluginLifecycle } from './plugin-lifecycle.service.js';
import { PluginLoadError } from './plugin-load.error.js';
import { PluginLoader, type LoadedPlugin } from './plugin-loader.service.js';
import { PluginRegistry, type PluginRuntime } from './plugin-registry.service.js';
import { SecretSettings } from './secret-settings.service.js';
import { toPluginView, type PluginView } from './plugin.views.js';

/**
 * Boots the configured plugins (refusing to start on an incompatible, invalid or duplicate one)
 * and carries out the admin operations. Discovery is explicit: only listed plugins load, and
 * they stay disabled until an admin grants their permissions (or the config auto-enables them
 * on first start).
 */
@Injectable()
export class PluginHostService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PluginHost');

  constructor(
    private readonly config: AppConfig,
    private readonly loader: PluginLoader,
    private readonly registry: PluginRegistry,
    private readonly lifecycle: PluginLifecycle,
    private readonly installations: PluginInstallationRepository,
    private readonly secrets: SecretSettings,
  ) {}

  /** Load and check every listed plugin; any failure aborts the boot. */
  async onModuleInit(): Promise<void> {
    const loaded: Array<{ plugin: LoadedPlugin; enable: boolean }> = [];
    for (const reference of this.config.plugins) {
      try {
        const plugin = this.loader.load(reference.name);
        this.registry.add(plugin);
        loaded.push({ plugin, enable: reference.enable });
      } catch (error) {
        if (error instanceof PluginLoadError && error.reason === 'incompatible' && error.definition) {
          await this.recordIncompatible(error.definition, error.message);
        }
        this.logger.error(error instanceof Error ? error.message : String(error));
        throw error;
      }
    }
    for (const { plugin, enable } of loaded) await this.syncRow(plugin.definition, enable);
  }

  /** Start the plugins whose rows say enabled (after every module is ready to publish events). */
  async onApplicationBootstrap(): Promise<void> {
    for (const runtime of this.registry.all()) {
      const id = runtime.loaded.definition.manifest.id;
      await this.lifecycle.serialize(id, async () => {
        const row = await this.installations.findByPluginId(id);
        if (row?.enabled) await this.lifecycle.activate(runtime, row);
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const runtime of this.registry.all()) {
      await this.lifecycle.serialize(runtime.loaded.definition.manifest.id, () => this.lifecycle.deactivate(runtime));
    }
  }

  async list(): Promise<PluginView[]> {
    const views: PluginView[] = [];
    for (const runtime of this.registry.all()) views.push(await this.view(runtime));
    return views;
  }

  async get(pluginId: string): Promise<PluginView> {
    return this.view(this.registry.require(pluginId));
  }

  /** Grant exactly the requested permissions and start the plugin. */
  async enable(pluginId: string, grantPermissions: string[]): Promise<PluginView> {
    const runtime = this.registry.require(pluginId);
    const requested = runtime.loaded.definition.manifest.permissions;
    const missing = missingPermissions(requested, grantPermissions);
    if (missing.length) {
      throw new DomainError(
        'PLUGIN_PERMISSIONS_REQUIRED',
        `Enabling ${pluginId} requires granting: ${missing.join(', ')}`,
        400,
        { missing },
      );
    }
    const unexpected = grantPermissions.filter((p) => !(requested as string[]).includes(p));
    if (unexpected.length) {
      throw new DomainError(
        'PLUGIN_PERMISSIONS_NOT_REQUESTED',
        `${pluginId} does not request: ${unexpected.join(', ')}`,
        400,
        { unexpected },
      );
    }
    return this.lifecycle.serialize(pluginId, async () => {
      const row = await this.rowOf(runtime);
      row.enabled = true;
      row.grantedPermissions = [...requested];
      return toPluginView(runtime.loaded.definition, await this.lifecycle.activate(runtime, row));
    });
  }

  async disable(pluginId: string): Promise<PluginView> {
    const runtime = this.registry.require(pluginId);
    return this.lifecycle.serialize(pluginId, async () => {
      const row = await this.rowOf(runtime);
      return toPluginView(runtime.loaded.definition, await this.lifecycle.stop(runtime, row));
    });
  }

  /**
   * Replace the settings. Secret fields submitted as the redaction placeholder keep their stored
   * value, so an admin form can round-trip what GET returned. Invalid input stores nothing.
   */
  async updateSettings(pluginId: string, input: Record<string, unknown>): Promise<PluginView> {
    const runtime = this.registry.require(pluginId);
    const schema = runtime.loaded.definition.manifest.settings ?? [];
    return this.lifecycle.serialize(pluginId, async () => {
      const row = await this.rowOf(runtime);
      const stored = this.secrets.open(schema, row.settings ?? {}, `plugin ${pluginId} setting`);
      const submitted: Record<string, unknown> = { ...input };
      for (const field of schema) {
        if (field.type === 'secret' && submitted[field.key] === REDACTED_SECRET)
          submitted[field.key] = stored[field.key];
      }
      const result = validateSettings(schema, submitted);
      if (!result.valid) {
        throw new DomainError('PLUGIN_INVALID_SETTINGS', `Invalid settings for plugin ${pluginId}`, 400, {
          fieldErrors: result.fieldErrors,
        });
      }
      row.settings = this.secrets.seal(schema, result.values);
      // A running plugin reads a frozen copy of its settings: restart it so it sees the new ones.
      const saved = row.enabled ? await this.lifecycle.activate(runtime, row) : await this.installations.save(row);
      return toPluginView(runtime.loaded.definition, saved);
    });
  }

  private async view(runtime: PluginRuntime): Promise<PluginView> {
    return toPluginView(runtime.loaded.definition, await this.rowOf(runtime));
  }

  private async rowOf(runtime: PluginRuntime): Promise<PluginInstallationEntity> {
    const row = await this.installations.findByPluginId(runtime.loaded.definition.manifest.id);
    // Rows are created at boot; a missing one means the table was wiped underneath us.
    return row ?? this.syncRow(runtime.loaded.definition, false);
  }

  /**
   * Create the row on first sight (auto-enable applies only then), or refresh version/kind. Secret
   * settings are sealed; an existing row's plaintext secrets (from before encryption) or secrets
   * sealed with a previous key are resealed with the current key here, at every start.
   */
  private async syncRow(definition: PluginDefinition, autoEnable: boolean): Promise<PluginInstallationEntity> {
    const { manifest } = definition;
    const schema = manifest.settings ?? [];
    const existing = await this.installations.findByPluginId(manifest.id);
    if (existing) {
      existing.version = manifest.version;
      existing.kind = manifest.kind;
      const settings = existing.settings ?? {};
      if (this.secrets.needsReseal(schema, settings))
        existing.settings = this.secrets.seal(
          schema,
          this.secrets.open(schema, settings, `plugin ${manifest.id} setting`),
        );
      if (existing.status === 'incompatible') Object.assign(existing, { status: 'disabled', statusReason: null });
      return this.installations.save(existing);
    }
    const row = Object.assign(new PluginInstallationEntity(), {
      id: newId(),
      pluginId: manifest.id,
      version: manifest.version,
      kind: manifest.kind,
      enabled: autoEnable,
      grantedPermissions: autoEnable ? [...manifest.permissions] : [],
      settings: this.secrets.seal(schema, this.firstStartSettings(definition)),
      status: 'disabled',
      statusReason: null,
    });
    return this.installations.save(row);
  }

  /** Defaults, overridden by the fields' `env` variables (SDK 1.2), read once when the row is created. */
  private firstStartSettings(definition: PluginDefinition): SettingsValues {
    const { values, problems } = initialSettings(definition.manifest.settings ?? [], this.config.environment ?? {});
    for (const problem of problems) this.logger.warn(`Plugin ${definition.manifest.id}: ignoring ${problem}`);
    return values;
  }

  /** Best effort: the boot is failing anyway, but the admin should find the reason in the row. */
  private async recordIncompatible(definition: PluginDefinition, reason: string): Promise<void> {
    try {
      const row = await this.syncRow(definition, false);
      Object.assign(row, { enabled: false, status: 'incompatible', statusReason: reason });
      await this.installations.save(row);
    } catch (error) {
      this.logger.warn(
        `Could not record the incompatible plugin ${definition.manifest?.id}: ${(error as Error).message}`,
      );
    }
  }
}
