import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An admin's version of one event's mail in one language (absent: the built-in default applies). */
@Entity('email_templates')
export class EmailTemplateEntity {
  @PrimaryColumn('varchar', { length: 40 })
  event: string;

  /** 'en' | 'fr': each language is edited and reset on its own. */
  @PrimaryColumn('varchar', { length: 5, default: 'en' })
  language: string;

  @Column('varchar', { length: 1000 })
  subject: string;

  @Column('text')
  text: string;

  @Column('text')
  html: string;

  @Column('varchar', { length: 36, nullable: true })
  updatedBy: string | null;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
