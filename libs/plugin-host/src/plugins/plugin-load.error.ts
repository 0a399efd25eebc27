import type { PluginDefinition } from '@switchboard/plugin-sdk';

/** Why a listed plugin cannot run. `manifest` is set when it was readable (the host records a row). */
export class PluginLoadError extends Error {
  constructor(
    message: string,
    readonly reason: 'not_found' | 'invalid' | 'incompatible' | 'duplicate',
    readonly definition?: PluginDefinition,
  ) {
    super(message);
    this.name = 'PluginLoadError';
  }
}
