import { Injectable } from '@nestjs/common';
import { DataSource, Raw } from 'typeorm';
import { BaseRepository, newId } from '@switchboard/core';
import { PluginKvEntity } from './plugin-kv.entity.js';

/** Every method takes the pluginId first: there is no way to address another plugin's keys. */
@Injectable()
export class PluginKvRepository extends BaseRepository<PluginKvEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PluginKvEntity);
  }

  async get(pluginId: string, key: string): Promise<string | null> {
    const row = await this.repo().findOneBy({ pluginId, key });
    return row ? row.value : null;
  }

  /** Update-then-insert rather than a driver-specific upsert; a lost insert race retries the update. */
  async set(pluginId: string, key: string, value: string): Promise<void> {
    const updated = await this.repo().update({ pluginId, key }, { value });
    if ((updated.affected ?? 0) > 0) return;
    try {
      await this.repo().insert({ id: newId(), pluginId, key, value });
    } catch (error) {
      const again = await this.repo().update({ pluginId, key }, { value });
      if ((again.affected ?? 0) === 0) throw error;
    }
  }

  async remove(pluginId: string, key: string): Promise<void> {
    await this.repo().delete({ pluginId, key });
  }

  /** Prefix match with SUBSTR (LIKE is case-insensitive on SQLite and needs escaping). */
  async list(pluginId: string, prefix = ''): Promise<Array<{ key: string; value: string }>> {
    const rows = await this.repo().find({
      where: prefix
        ? { pluginId, key: Raw((column) => `SUBSTR(${column}, 1, :len) = :prefix`, { len: prefix.length, prefix }) }
        : { pluginId },
      take: 1000,
    });
    // Sorted here: PostgreSQL's collation and SQLite's binary order differ.
    return rows
      .map((r) => ({ key: r.key, value: r.value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async removeAll(pluginId: string): Promise<void> {
    await this.repo().delete({ pluginId });
  }
}
