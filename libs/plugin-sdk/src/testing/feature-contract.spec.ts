import { definePlugin } from '../define-plugin.js';
import { featurePluginContractChecks } from './feature-contract.js';

const compose = { generate: async () => 'x', rewrite: async () => 'y' };

describe('feature plugin contract', () => {
  it('passes a plugin that declares and fills its point', async () => {
    const plugin = definePlugin({
      manifest: { id: 'good', version: '1.0.0', apiVersion: '^1.4.0', kind: 'feature', permissions: ['ai.compose'] },
      register: (host) => host.provide('compose', compose),
    });
    for (const check of featurePluginContractChecks(() => ({ plugin, provides: ['compose'] }))) await check.run();
  });

  it('fails a plugin that never fills the point it claims, or lacks its permission', async () => {
    const silent = definePlugin({
      manifest: { id: 'silent', version: '1.0.0', apiVersion: '^1.4.0', kind: 'feature', permissions: ['ai.compose'] },
    });
    const [, , fills] = featurePluginContractChecks(() => ({ plugin: silent, provides: ['compose'] }));
    await expect(fills.run()).rejects.toThrow('"compose" is not filled after enable');

    const undeclared = definePlugin({
      manifest: { id: 'undeclared', version: '1.0.0', apiVersion: '^1.4.0', kind: 'feature', permissions: [] },
      register: (host) => host.provide('compose', compose),
    });
    const [, declares] = featurePluginContractChecks(() => ({ plugin: undeclared, provides: ['compose'] }));
    await expect(declares.run()).rejects.toThrow('needs permission ai.compose');
  });
});
