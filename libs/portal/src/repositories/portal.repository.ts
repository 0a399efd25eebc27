import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import { PortalEntity } from '../entities/portal.entity.js';

@Injectable()
export class PortalRepository extends BaseRepository<PortalEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PortalEntity);
  }

  findBySubdomain(subdomain: string): Promise<PortalEntity | null> {
    return this.repo().findOneBy({ subdomain: subdomain.toLowerCase() });
  }

  findByCompany(companyId: string): Promise<PortalEntity | null> {
    return this.repo().findOneBy({ companyId });
  }

  list(companyIds?: string[]): Promise<PortalEntity[]> {
    return this.repo().find({
      where: companyIds ? { companyId: In(companyIds) } : {},
      order: { subdomain: 'ASC' },
      take: 1000,
    });
  }
}
