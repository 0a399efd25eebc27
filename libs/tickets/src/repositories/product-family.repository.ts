import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { ProductFamilyEntity } from '../entities/product-family.entity.js';

@Injectable()
export class ProductFamilyRepository extends BaseRepository<ProductFamilyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ProductFamilyEntity);
  }

  all(): Promise<ProductFamilyEntity[]> {
    return this.repo().find({ order: { name: 'ASC' } });
  }

  findByNameKey(nameKey: string): Promise<ProductFamilyEntity | null> {
    return this.repo().findOneBy({ nameKey });
  }
}
