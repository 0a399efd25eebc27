import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type OfferState = 'offered' | 'declined' | 'accepted' | 'closed';

/**
 * A user-initiated chat request offered to one available technician. One row per technician
 * so declines from several instances never overwrite each other: the chat is "busy" when no
 * row is still `offered`.
 */
@Entity('agent_chat_offers')
@Index(['conversationId', 'accountId'], { unique: true })
@Index(['accountId', 'state'])
export class ChatOfferEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  conversationId: string;

  @Column('varchar', { length: 36 })
  accountId: string;

  @Column('varchar', { length: 16 })
  state: OfferState;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  answeredAt: Date | null;
}
