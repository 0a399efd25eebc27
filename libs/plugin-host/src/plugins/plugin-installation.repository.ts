import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@switchboard/core';
import { PluginInstallationEntity } from './plugin-installation.entity.js';

@Injectable()
export class PluginInstallationRepository extends BaseRepository<PluginInstallationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PluginInstallationEntity);
  }

  findByPluginId(pluginId: string): Promise<PluginInstallationEntity | null> {
    return this.repo().findOneBy({ pluginId });
  }
}
