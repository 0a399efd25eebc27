import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity.js';

@Injectable()
export class NotificationPreferenceRepository extends BaseRepository<NotificationPreferenceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, NotificationPreferenceEntity);
  }

  findMany(accountIds: string[]): Promise<NotificationPreferenceEntity[]> {
    return accountIds.length ? this.repo().findBy({ id: In(accountIds) }) : Promise.resolve([]);
  }
}
