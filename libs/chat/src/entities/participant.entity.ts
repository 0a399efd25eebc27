import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { ParticipantKind, ParticipantRole } from '../chat.types.js';
import { ConversationEntity } from './conversation.entity.js';

/** Who is (or was) in a conversation. Rejoining re-opens the same row (leftAt back to null). */
@Entity('conversation_participants')
@Index(['conversationId', 'kind', 'refId'], { unique: true })
@Index(['refId', 'leftAt'])
export class ParticipantEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  conversationId: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversationId' })
  conversation?: Relation<ConversationEntity>;

  @Column('varchar', { length: 16 })
  kind: ParticipantKind;

  /** accountId for technicians, contactId for contacts, a fixed label for system participants. */
  @Column('varchar', { length: 36 })
  refId: string;

  /** Name snapshot at join time (technicians may be renamed later; the transcript keeps the old name). */
  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 16 })
  role: ParticipantRole;

  @Column({ ...DATE_COLUMN })
  joinedAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  leftAt: Date | null;
}
