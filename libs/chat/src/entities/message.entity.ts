import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { MessageKind, ParticipantKind } from '../chat.types.js';
import { ConversationEntity } from './conversation.entity.js';

/**
 * A message. `seq` is dense and strictly increasing per conversation, assigned inside the
 * committing transaction, so "everything after seq N" is an exact resume cursor.
 * Unique (conversationId, clientId) makes a sender's retry idempotent; unique (conversationId,
 * externalId) de-duplicates channel redeliveries. NULLs never collide in either database.
 */
@Entity('conversation_messages')
// Full-text expression indexes (#20), hand-written in the PostgreSQL migration: kept, not generated.
@Index('IDX_fts_conversation_messages_raw_words', { synchronize: false })
@Index('IDX_fts_conversation_messages_raw_trgm', { synchronize: false })
@Index(['conversationId', 'seq'], { unique: true })
@Index(['conversationId', 'clientId'], { unique: true })
@Index(['conversationId', 'externalId'], { unique: true })
export class MessageEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  conversationId: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversationId' })
  conversation?: Relation<ConversationEntity>;

  @Column('integer')
  seq: number;

  @Column('varchar', { length: 16 })
  authorKind: ParticipantKind;

  @Column('varchar', { length: 36, nullable: true })
  authorAccountId: string | null;

  @Column('varchar', { length: 36, nullable: true })
  authorContactId: string | null;

  @Column('varchar', { length: 200 })
  authorName: string;

  @Column('varchar', { length: 16 })
  kind: MessageKind;

  @Column('text')
  body: string;

  @Column('varchar', { length: 64, nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  externalId: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
