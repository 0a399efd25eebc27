import { getMetadataArgsStorage } from 'typeorm';
import { CORE_ENTITIES } from '@switchboard/core';
import { NOTIFY_ENTITIES } from '@switchboard/notify';
import { PLUGIN_HOST_ENTITIES } from '@switchboard/plugin-host';
import { APP_SCHEMA } from './app.module.js';

// Each lib (and each core folder) lists its own entities now; this catches a table that a list forgot.
describe('APP_SCHEMA', () => {
  const entities = APP_SCHEMA.entities as unknown[];

  it('holds every entity class the app loads, each once', () => {
    const declared = getMetadataArgsStorage()
      .tables.filter((t) => t.type === 'regular')
      .map((t) => t.target);
    expect(declared.length).toBeGreaterThan(0);
    const missing = declared.filter((t) => !entities.includes(t)).map((t) => (t as { name: string }).name);
    expect(missing).toEqual([]);
    expect(new Set(entities).size).toBe(entities.length);
  });

  it('collects the kernel and the floor above it', () => {
    for (const list of [CORE_ENTITIES, PLUGIN_HOST_ENTITIES, NOTIFY_ENTITIES]) {
      expect(list.length).toBeGreaterThan(0);
      for (const entity of list) expect(entities).toContain(entity);
    }
  });

  it('keeps the lifted tables out of the kernel list', () => {
    const names = (CORE_ENTITIES as Array<{ name: string }>).map((e) => e.name);
    for (const moved of ['PluginInstallationEntity', 'PluginKvEntity', 'ChannelInstanceEntity', 'OutboxMessageEntity'])
      expect(names).not.toContain(moved);
    expect(names).toContain('InboundMessageEntity');
  });
});
