import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A handlebars reply template: shared (ownerId null, admins maintain it) or personal. */
@Entity('quick_replies')
export class QuickReplyEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100 })
  name: string;

  @Column('text')
  body: string;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  ownerId: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
