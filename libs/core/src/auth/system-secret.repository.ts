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
}
