import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SystemSecretEntity } from './system-secret.entity.js';

@Injectable()
export class SystemSecretRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Insert-if-absent then read: two instances starting together end up with the same secret. */
  async getOrCreate(key: string, generate: () => string): Promise<string> {
    const repo = this.dataSource.getRepository(SystemSecretEntity);
    await repo.createQueryBuilder().insert().values({ key, value: generate() }).orIgnore().execute();
    return (await repo.findOneByOrFail({ key })).value;
  }

  /** Compare-and-set: replaces the stored value only if it is still `from` (another instance may have resealed it). */
  async replace(key: string, from: string, to: string): Promise<void> {
    await this.dataSource.getRepository(SystemSecretEntity).update({ key, value: from }, { value: to });
  }
}
