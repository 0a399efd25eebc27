import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { WrapUpReasonEntity } from '../entities/wrap-up-reason.entity.js';

@Injectable()
export class WrapUpReasonRepository extends BaseRepository<WrapUpReasonEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, WrapUpReasonEntity);
  }

  findByLabelKey(labelKey: string): Promise<WrapUpReasonEntity | null> {
    return this.repo().findOneBy({ labelKey });
  }

  list(activeOnly: boolean): Promise<WrapUpReasonEntity[]> {
    return this.repo().find({ where: activeOnly ? { active: true } : {}, order: { labelKey: 'ASC' }, take: 1000 });
  }
}
