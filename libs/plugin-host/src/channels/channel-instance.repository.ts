import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@switchboard/core';
import { ChannelInstanceEntity } from './channel-instance.entity.js';

@Injectable()
export class ChannelInstanceRepository extends BaseRepository<ChannelInstanceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ChannelInstanceEntity);
  }

  list(pluginId?: string): Promise<ChannelInstanceEntity[]> {
    return this.repo().find({ where: pluginId ? { pluginId } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
