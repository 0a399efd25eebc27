import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { AutomationRuleEntity } from '../entities/automation-rule.entity.js';
import type { RuleTrigger } from '../automation/automation.types.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class AutomationRuleRepository extends BaseRepository<AutomationRuleEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AutomationRuleEntity);
  }

  all(): Promise<AutomationRuleEntity[]> {
    return this.repo().find({ order: { position: 'ASC', id: 'ASC' } });
  }

  enabledFor(trigger: RuleTrigger, tx?: Tx): Promise<AutomationRuleEntity[]> {
    return this.repo(tx).find({ where: { trigger, enabled: true }, order: { position: 'ASC', id: 'ASC' } });
  }

  async insertIfMissing(row: AutomationRuleEntity): Promise<void> {
    await this.repo().createQueryBuilder().insert().into(AutomationRuleEntity).values(row).orIgnore().execute();
  }
}
