import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Admin-defined list a ticket can be filed under (e.g. "Printers", "Laptops"). */
@Entity('product_families')
export class ProductFamilyEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100 })
  name: string;

  @Index({ unique: true })
  @Column('varchar', { length: 100 })
  nameKey: string;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
