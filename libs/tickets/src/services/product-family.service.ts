import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError, newId, ValidationFailedError } from '@switchboard/core';
import { ProductFamilyEntity } from '../entities/product-family.entity.js';
import { ProductFamilyRepository } from '../repositories/product-family.repository.js';
import { ProductFamilyView } from '../ticket.views.js';

const toView = (p: ProductFamilyEntity): ProductFamilyView => ({ id: p.id, name: p.name });

@Injectable()
export class ProductFamilyService {
  constructor(
    private readonly families: ProductFamilyRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ProductFamilyView[]> {
    return (await this.families.all()).map(toView);
  }

  find(id: string): Promise<ProductFamilyEntity | null> {
    return this.families.findById(id);
  }

  async require(id: string, field = 'productFamilyId'): Promise<ProductFamilyEntity> {
    const family = await this.families.findById(id);
    if (!family)
      throw new ValidationFailedError('Unknown product family', { [field]: [`product family ${id} does not exist`] });
    return family;
  }

  async create(name: string): Promise<ProductFamilyView> {
    const nameKey = name.trim().toLowerCase();
    if (await this.families.findByNameKey(nameKey))
      throw new ConflictError(`A product family named "${name.trim()}" already exists`);
    const family = Object.assign(new ProductFamilyEntity(), {
      id: newId(),
      name: name.trim(),
      nameKey,
      createdAt: this.clock.now(),
    });
    await this.families.insert(family);
    return toView(family);
  }

  async rename(id: string, name: string): Promise<ProductFamilyView> {
    const family = await this.families.findById(id);
    if (!family) throw new NotFoundError('Product family', id);
    const nameKey = name.trim().toLowerCase();
    const other = await this.families.findByNameKey(nameKey);
    if (other && other.id !== id) throw new ConflictError(`A product family named "${name.trim()}" already exists`);
    Object.assign(family, { name: name.trim(), nameKey });
    await this.families.save(family);
    return toView(family);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.families.deleteById(id))) throw new NotFoundError('Product family', id);
  }
}
