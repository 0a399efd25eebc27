import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';
import { StoredFileEntity } from './stored-file.entity.js';
import { Tx } from '../database/tx.js';

@Injectable()
export class StoredFileRepository extends BaseRepository<StoredFileEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, StoredFileEntity);
  }

  findMany(ids: string[], tx?: Tx): Promise<StoredFileEntity[]> {
    return ids.length ? this.repo(tx).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Attaches only files still unattached: a file never moves from one owner to another. */
  async attach(ids: string[], ownerKind: string, ownerId: string, companyId: string | null, tx?: Tx): Promise<number> {
    if (!ids.length) return 0;
    const result = await this.repo(tx).update({ id: In(ids), ownerKind: IsNull() }, { ownerKind, ownerId, companyId });
    return result.affected ?? 0;
  }

  findByOwner(ownerKind: string, ownerIds: string[], tx?: Tx): Promise<StoredFileEntity[]> {
    return ownerIds.length ? this.repo(tx).findBy({ ownerKind, ownerId: In(ownerIds) }) : Promise.resolve([]);
  }

  /** Only while unattached: a file attached meanwhile stays with its owner. */
  async deleteUnattached(id: string, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx).delete({ id, ownerKind: IsNull() });
    return (result.affected ?? 0) > 0;
  }

  async deleteMany(ids: string[], tx?: Tx): Promise<void> {
    if (ids.length) await this.repo(tx).delete({ id: In(ids) });
  }
}
