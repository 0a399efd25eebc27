import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { SDK_VERSION, validatePluginDefinition, type PluginDefinition } from '@switchboard/plugin-sdk';
import semver from 'semver';
import { PluginLoadError } from './plugin-load.error.js';

export interface LoadedPlugin {
  /** What the config listed (package name or path). */
  reference: string;
  /** Absolute path of the plugin's package directory. */
  root: string;
  definition: PluginDefinition;
}

/**
 * Resolves a config entry to a package, reads its `switchboard` entry and requires it. Discovery
 * is explicit (only listed plugins load) and every definition is re-validated here: the host
 * never trusts that a plugin went through definePlugin or the same SDK copy.
 */
@Injectable()
export class PluginLoader {
  load(reference: string, cwd = process.cwd()): LoadedPlugin {
    const root = this.resolveRoot(reference, cwd);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      name?: string;
      switchboard?: unknown;
    };
    if (typeof pkg.switchboard !== 'string' || pkg.switchboard.trim() === '') {
      throw new PluginLoadError(
        `Plugin "${reference}": package.json has no "switchboard" entry (a relative module path)`,
        'invalid',
      );
    }
    const entry = resolve(root, pkg.switchboard);
    let mod: unknown;
    try {
      // A computed require: under jest this is jest's require (TypeScript sources), in production node's.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(entry);
    } catch (error) {
      throw new PluginLoadError(`Plugin "${reference}": cannot load ${entry}: ${(error as Error).message}`, 'invalid');
    }
    const definition = this.pickDefinition(mod);
    const problems = validatePluginDefinition(definition);
    if (problems.length) {
      throw new PluginLoadError(
        `Plugin "${reference}" is invalid: ${problems.join('; ')}`,
        'invalid',
        definition ?? undefined,
      );
    }
    this.assertCompatible(definition!);
    return { reference, root, definition: definition! };
  }

  /** Throws unless this host's SDK version satisfies the plugin's apiVersion range. */
  assertCompatible(definition: PluginDefinition): void {
    const { id, version, apiVersion } = definition.manifest;
    if (!semver.validRange(apiVersion)) {
      throw new PluginLoadError(
        `Plugin "${id}@${version}" has an invalid apiVersion range "${apiVersion}"`,
        'invalid',
        definition,
      );
    }
    if (!semver.satisfies(SDK_VERSION, apiVersion, { includePrerelease: true })) {
      throw new PluginLoadError(
        `Plugin "${id}@${version}" requires plugin SDK "${apiVersion}" but this Switchboard provides ${SDK_VERSION}`,
        'incompatible',
        definition,
      );
    }
  }

  private resolveRoot(reference: string, cwd: string): string {
    const asPath = isAbsolute(reference) ? reference : resolve(cwd, reference);
    const looksLikePath =
      isAbsolute(reference) || reference.startsWith('.') || (existsSync(asPath) && statSync(asPath).isDirectory());
    if (looksLikePath) {
      if (!existsSync(join(asPath, 'package.json'))) {
        throw new PluginLoadError(`Plugin "${reference}": no package.json in ${asPath}`, 'not_found');
      }
      return asPath;
    }
    try {
      return dirname(require.resolve(`${reference}/package.json`, { paths: [cwd] }));
    } catch {
      throw new PluginLoadError(`Plugin "${reference}": no such directory or installed package`, 'not_found');
    }
  }

  private pickDefinition(mod: unknown): PluginDefinition | null {
    if (typeof mod !== 'object' || mod === null) return null;
    const candidate = (mod as { default?: unknown }).default ?? mod;
    return typeof candidate === 'object' && candidate !== null ? (candidate as PluginDefinition) : null;
  }
}
