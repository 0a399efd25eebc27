import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SettingEntity } from './setting.entity.js';

@Injectable()
export class SettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(SettingEntity);
  }

  find(scopeKeys: string[], keys?: string[]): Promise<SettingEntity[]> {
    return this.repo.find({ where: keys ? { scopeKey: In(scopeKeys), key: In(keys) } : { scopeKey: In(scopeKeys) } });
  }

  /** Every stored override of these keys, all scopes (in-process caches such as the masking policy). */
  findByKeys(keys: string[]): Promise<SettingEntity[]> {
    return this.repo.find({ where: { key: In(keys) } });
  }

  async upsert(scopeKey: string, key: string, value: unknown): Promise<void> {
    await this.repo.upsert({ scopeKey, key, value } as never, ['scopeKey', 'key']);
  }

  async remove(scopeKey: string, key: string): Promise<boolean> {
    return ((await this.repo.delete({ scopeKey, key })).affected ?? 0) > 0;
  }
}
