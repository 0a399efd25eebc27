import { Injectable } from '@nestjs/common';
import type { CheckedContext } from '@switchboard/plugin-sdk';
import { NotFoundError } from '@switchboard/core';
import { PluginLoadError } from './plugin-load.error.js';
import type { LoadedPlugin } from './plugin-loader.service.js';

/** A loaded plugin and, while it runs, its checked context (revoked on disable or crash). */
export interface PluginRuntime {
  loaded: LoadedPlugin;
  active: CheckedContext | null;
}

/** In-memory index of the plugins loaded at boot. */
@Injectable()
export class PluginRegistry {
  private readonly plugins = new Map<string, PluginRuntime>();

  add(loaded: LoadedPlugin): PluginRuntime {
    const { id } = loaded.definition.manifest;
    const existing = this.plugins.get(id);
    if (existing) {
      throw new PluginLoadError(
        `Plugin id "${id}" is provided by both "${existing.loaded.reference}" and "${loaded.reference}"`,
        'duplicate',
      );
    }
    const runtime: PluginRuntime = { loaded, active: null };
    this.plugins.set(id, runtime);
    return runtime;
  }

  get(id: string): PluginRuntime | undefined {
    return this.plugins.get(id);
  }

  require(id: string): PluginRuntime {
    const runtime = this.plugins.get(id);
    if (!runtime) throw new NotFoundError('Plugin', id);
    return runtime;
  }

  all(): PluginRuntime[] {
    return [...this.plugins.values()].sort((a, b) =>
      a.loaded.definition.manifest.id < b.loaded.definition.manifest.id ? -1 : 1,
    );
  }
}
