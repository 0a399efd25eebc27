import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SavedViewFilters } from '../views/saved-view.filters.js';

/** A technician's saved ticket-list filters (#15 "views"): personal, ordered by position. */
@Entity('ticket_views')
@Index(['accountId', 'position'])
export class SavedViewEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  accountId: string;

  @Column('varchar', { length: 100 })
  name: string;

  /** Only known list-filter keys with valid values (checked by the DTO on write). */
  @Column({ ...JSON_COLUMN })
  filters: SavedViewFilters;

  @Column('integer', { default: 0 })
  position: number;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
