import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { AutomationRuleEntity } from '../entities/automation-rule.entity.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class AutomationRuleRepository extends BaseRepository<AutomationRuleEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AutomationRuleEntity);
  }

  all(): Promise<AutomationRuleEntity[]> {
    return this.repo().find({ order: { position: 'ASC', id: 'ASC' } });
  }

  /** Every enabled rule, whatever its trigger (a unit of work that fires several triggers reads them once). */
  enabled(tx?: Tx): Promise<AutomationRuleEntity[]> {
    return this.repo(tx).find({ where: { enabled: true }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** Every rule, locked for a reorder (PostgreSQL; SQLite's writer lock serialises anyway). */
  allForUpdate(tx: Tx): Promise<AutomationRuleEntity[]> {
    const q = this.repo(tx).createQueryBuilder('r').orderBy('r.position', 'ASC').addOrderBy('r.id', 'ASC');
    return (this.dataSource.options.type === 'postgres' ? q.setLock('pessimistic_write') : q).getMany();
  }

  async setPosition(id: string, position: number, updatedAt: Date, tx: Tx): Promise<void> {
    await this.repo(tx).update({ id }, { position, updatedAt });
  }

  async insertIfMissing(row: AutomationRuleEntity): Promise<void> {
    await this.repo().createQueryBuilder().insert().into(AutomationRuleEntity).values(row).orIgnore().execute();
  }
}
