import { Injectable, Logger } from '@nestjs/common';
import { missingPermissions, validateSettings } from '@switchboard/plugin-sdk';
import { DomainEventBus } from '@switchboard/core';
import { PluginContextFactory } from './plugin-context.factory.js';
import type { PluginInstallationEntity } from './plugin-installation.entity.js';
import { PluginInstallationRepository } from './plugin-installation.repository.js';
import { PluginRegistry, type PluginRuntime } from './plugin-registry.service.js';
import { SecretSettings } from './secret-settings.service.js';

export const PLUGIN_HOOK_TIMEOUT_MS = 30_000;

// Duck-typed: a plugin's error may come from another realm or SDK copy.
const messageOf = (error: unknown) =>
  typeof (error as { message?: unknown })?.message === 'string' ? (error as Error).message : String(error);

/**
 * Starts and stops plugins and isolates their failures: a hook or event handler that throws
 * disables that plugin (status `crashed`) and never propagates into the core. Calls for one
 * plugin are serialised so an admin action and a crash cannot interleave.
 */
@Injectable()
export class PluginLifecycle {
  private readonly logger = new Logger('PluginHost');
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly registry: PluginRegistry,
    private readonly contexts: PluginContextFactory,
    private readonly installations: PluginInstallationRepository,
    private readonly events: DomainEventBus,
    private readonly secrets: SecretSettings,
  ) {}

  /** Run `fn` after every earlier call for this plugin settled. */
  serialize<T>(pluginId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(pluginId) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    this.queues.set(
      pluginId,
      next.catch(() => undefined),
    );
    return next;
  }

  /**
   * Bring the runtime in line with the row (which must have `enabled` set). Sets `status` and
   * `statusReason` on the row and saves it. Never throws for plugin faults.
   */
  async activate(runtime: PluginRuntime, row: PluginInstallationEntity): Promise<PluginInstallationEntity> {
    const { definition } = runtime.loaded;
    const { manifest } = definition;
    if (runtime.active) await this.deactivate(runtime);

    const missing = missingPermissions(manifest.permissions, row.grantedPermissions);
    if (missing.length) return this.record(row, 'disabled', `Permissions not granted: ${missing.join(', ')}`);
    const schema = manifest.settings ?? [];
    const settings = validateSettings(
      schema,
      this.secrets.open(schema, row.settings ?? {}, `plugin ${manifest.id} setting`),
    );
    if (!settings.valid) {
      const fields = Object.entries(settings.fieldErrors).map(([k, v]) => `${k} ${v.join(', ')}`);
      return this.record(row, 'invalid_settings', `Invalid settings: ${fields.join('; ')}`);
    }

    const checked = this.contexts.create(definition, [...row.grantedPermissions], settings.values, {
      onHandlerError: (error, where) => void this.crash(manifest.id, where, error),
    });
    runtime.active = checked;
    let stage = 'onEnable';
    try {
      await this.withTimeout(
        Promise.resolve().then(() => definition.onEnable?.(checked.context)),
        'onEnable',
      );
      stage = 'register';
      await this.withTimeout(
        Promise.resolve().then(() => definition.register?.(checked.registrar, checked.context)),
        'register',
      );
    } catch (error) {
      checked.revoke();
      runtime.active = null;
      this.logger.error({ err: error, plugin: manifest.id }, `Plugin ${manifest.id} crashed in ${stage}`);
      row.enabled = false;
      return this.record(row, 'crashed', `${stage} threw: ${messageOf(error)}`);
    }
    const saved = await this.record(row, 'enabled', null);
    this.logger.log(`Plugin ${manifest.id}@${manifest.version} enabled`);
    await this.events.publish('plugin.enabled', { pluginId: manifest.id });
    return saved;
  }

  /** Stop a running plugin: onDisable (best effort), then drop every subscription and revoke its context. */
  async deactivate(runtime: PluginRuntime): Promise<string | null> {
    const checked = runtime.active;
    if (!checked) return null;
    const { definition } = runtime.loaded;
    let problem: string | null = null;
    try {
      await this.withTimeout(
        Promise.resolve().then(() => definition.onDisable?.(checked.context)),
        'onDisable',
      );
    } catch (error) {
      problem = `onDisable threw: ${messageOf(error)}`;
      this.logger.warn({ err: error, plugin: definition.manifest.id }, `Plugin ${definition.manifest.id}: ${problem}`);
    }
    checked.revoke();
    runtime.active = null;
    return problem;
  }

  /** Admin disable: stop it (if running) and record `disabled`. */
  async stop(runtime: PluginRuntime, row: PluginInstallationEntity): Promise<PluginInstallationEntity> {
    const wasActive = runtime.active !== null;
    const problem = await this.deactivate(runtime);
    row.enabled = false;
    const saved = await this.record(row, 'disabled', problem);
    if (wasActive) await this.events.publish('plugin.disabled', { pluginId: row.pluginId });
    return saved;
  }

  /** A running plugin's event handler threw: disable it and record why. */
  crash(pluginId: string, where: string, error: unknown): Promise<void> {
    const runtime = this.registry.get(pluginId);
    const checked = runtime?.active;
    if (!runtime || !checked) return Promise.resolve();
    // Revoke at once (not in the queue) so no further event reaches the faulty plugin.
    checked.revoke();
    runtime.active = null;
    this.logger.error({ err: error, plugin: pluginId }, `Plugin ${pluginId} crashed in ${where}; disabled`);
    return this.serialize(pluginId, async () => {
      const row = await this.installations.findByPluginId(pluginId);
      if (!row) return;
      row.enabled = false;
      await this.record(row, 'crashed', `${where} threw: ${messageOf(error)}`);
      await this.events.publish('plugin.disabled', { pluginId });
    }).catch((failure: unknown) => this.logger.error({ err: failure }, `Could not record the crash of ${pluginId}`));
  }

  private async record(
    row: PluginInstallationEntity,
    status: PluginInstallationEntity['status'],
    reason: string | null,
  ) {
    row.status = status;
    row.statusReason = reason;
    return this.installations.save(row);
  }

  private async withTimeout<T>(promise: Promise<T>, hook: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${hook} did not finish within ${PLUGIN_HOOK_TIMEOUT_MS} ms`)),
        PLUGIN_HOOK_TIMEOUT_MS,
      );
      timer.unref?.();
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
