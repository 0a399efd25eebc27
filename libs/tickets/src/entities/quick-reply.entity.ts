import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A handlebars reply template: shared (ownerId null, admins maintain it) or personal. */
@Entity('quick_replies')
export class QuickReplyEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100 })
  name: string;

  // French label (#16): the admin's own column stays the default; this one shows to French readers when set.
  @Column('varchar', { length: 100, nullable: true })
  nameFr: string | null;

  @Column('text')
  body: string;

  // French text (#16): rendered instead of `body` for a requester who reads French, when set.
  @Column('text', { nullable: true })
  bodyFr: string | null;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  ownerId: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
