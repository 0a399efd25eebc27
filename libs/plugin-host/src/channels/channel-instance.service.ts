import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  REDACTED_SECRET,
  redactSettings,
  validateSettings,
  type ChannelAdapter,
  type ChannelInstance,
  type SettingField,
  type SettingsValues,
} from '@switchboard/plugin-sdk';
import { Clock, DomainError, NotFoundError, ValidationFailedError, newId } from '@switchboard/core';
import { PluginRegistry } from '../plugins/plugin-registry.service.js';
import { SecretSettings } from '../plugins/secret-settings.service.js';
import { ChannelInstanceEntity } from './channel-instance.entity.js';
import { ChannelInstanceRepository } from './channel-instance.repository.js';

export interface ChannelInstanceView {
  id: string;
  pluginId: string;
  channel: string;
  name: string;
  /** Secrets shown as `********`. */
  config: SettingsValues;
  enabled: boolean;
  /** Where the provider posts inbound messages (relative to the public URL). */
  hookPath: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Channel instances (admin CRUD): config per instance, validated against the adapter's
 * instanceConfig. Secret fields (webhook secrets) are stored sealed (SecretSettings); only the
 * hook endpoint's `resolve` opens them.
 */
@Injectable()
export class ChannelInstanceService implements OnApplicationBootstrap {
  constructor(
    private readonly instances: ChannelInstanceRepository,
    private readonly plugins: PluginRegistry,
    private readonly clock: Clock,
    private readonly secrets: SecretSettings,
  ) {}

  /** At start (plugins are loaded by then): seal plaintext secrets from before encryption, reseal old-key ones. */
  async onApplicationBootstrap(): Promise<void> {
    for (const row of await this.instances.list()) {
      const schema = this.plugins.get(row.pluginId)?.loaded.definition.channel?.instanceConfig;
      if (!schema || !this.secrets.needsReseal(schema, row.config)) continue;
      row.config = this.secrets.seal(schema, this.openConfig(schema, row));
      await this.instances.save(row);
    }
  }

  async list(pluginId?: string): Promise<ChannelInstanceView[]> {
    return (await this.instances.list(pluginId)).map((i) => this.view(i));
  }

  async get(id: string): Promise<ChannelInstanceView> {
    return this.view(await this.load(id));
  }

  async create(input: {
    pluginId: string;
    name: string;
    config?: Record<string, unknown>;
    enabled?: boolean;
  }): Promise<ChannelInstanceView> {
    const adapter = this.adapterOf(input.pluginId);
    const now = this.clock.now();
    const row = Object.assign(new ChannelInstanceEntity(), {
      id: newId(),
      pluginId: input.pluginId,
      name: input.name.trim(),
      config: this.secrets.seal(adapter.instanceConfig, this.validate(adapter, input.config ?? {}, {})),
      enabled: input.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    });
    await this.instances.insert(row);
    return this.view(row);
  }

  async update(
    id: string,
    input: { name?: string; config?: Record<string, unknown>; enabled?: boolean },
  ): Promise<ChannelInstanceView> {
    const row = await this.load(id);
    if (input.config !== undefined) {
      const adapter = this.adapterOf(row.pluginId);
      const stored = this.openConfig(adapter.instanceConfig, row);
      row.config = this.secrets.seal(adapter.instanceConfig, this.validate(adapter, input.config, stored));
    }
    if (input.name !== undefined) row.name = input.name.trim();
    if (input.enabled !== undefined) row.enabled = input.enabled;
    row.updatedAt = this.clock.now();
    await this.instances.save(row);
    return this.view(row);
  }

  async remove(id: string): Promise<void> {
    await this.load(id);
    await this.instances.deleteById(id);
  }

  /** For the hook endpoint: the instance as the adapter sees it (secrets in clear), or null. */
  async resolve(id: string): Promise<ChannelInstance | null> {
    const row = await this.instances.findById(id).catch(() => null);
    if (!row || !row.enabled) return null;
    const schema = this.plugins.get(row.pluginId)?.loaded.definition.channel?.instanceConfig ?? [];
    return { id: row.id, pluginId: row.pluginId, name: row.name, config: this.openConfig(schema, row) };
  }

  private openConfig(schema: readonly SettingField[], row: ChannelInstanceEntity): SettingsValues {
    return this.secrets.open(schema, row.config, `channel instance ${row.id} config`);
  }

  private adapterOf(pluginId: string): ChannelAdapter {
    const runtime = this.plugins.get(pluginId);
    const adapter = runtime?.loaded.definition.channel;
    if (!runtime || !adapter) {
      throw new ValidationFailedError('Not a channel plugin', {
        pluginId: [`${pluginId} is not a loaded channel plugin`],
      });
    }
    return adapter;
  }

  private validate(adapter: ChannelAdapter, input: Record<string, unknown>, stored: SettingsValues): SettingsValues {
    const submitted = { ...input };
    for (const field of adapter.instanceConfig) {
      if (field.type === 'secret' && submitted[field.key] === REDACTED_SECRET) submitted[field.key] = stored[field.key];
    }
    const result = validateSettings(adapter.instanceConfig, submitted);
    if (!result.valid)
      throw new DomainError('CHANNEL_INVALID_CONFIG', 'Invalid channel instance config', 400, {
        fieldErrors: result.fieldErrors,
      });
    return result.values;
  }

  private async load(id: string): Promise<ChannelInstanceEntity> {
    const row = await this.instances.findById(id);
    if (!row) throw new NotFoundError('Channel instance', id);
    return row;
  }

  private view(row: ChannelInstanceEntity): ChannelInstanceView {
    const adapter = this.plugins.get(row.pluginId)?.loaded.definition.channel;
    return {
      id: row.id,
      pluginId: row.pluginId,
      channel: adapter?.type ?? 'unknown',
      name: row.name,
      config: adapter ? redactSettings(adapter.instanceConfig, row.config) : {},
      enabled: row.enabled,
      hookPath: `/hooks/${row.id}`,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}
