import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import { ChatOfferEntity, type OfferState } from '../entities/chat-offer.entity.js';

@Injectable()
export class ChatOfferRepository extends BaseRepository<ChatOfferEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ChatOfferEntity);
  }

  async insertMany(rows: ChatOfferEntity[]): Promise<void> {
    if (rows.length) await this.repo().insert(rows as never);
  }

  /** Atomic answer: only an `offered` row moves (a second click, or another instance, changes nothing). */
  async answer(conversationId: string, accountId: string, state: OfferState, at: Date): Promise<boolean> {
    const result = await this.repo().update({ conversationId, accountId, state: 'offered' }, { state, answeredAt: at });
    return (result.affected ?? 0) > 0;
  }

  async closeOpen(conversationId: string, at: Date): Promise<string[]> {
    const open = await this.repo().find({ where: { conversationId, state: 'offered' } });
    if (open.length)
      await this.repo().update({ conversationId, state: 'offered' }, { state: 'closed', answeredAt: at });
    return open.map((o) => o.accountId);
  }

  countOpen(conversationId: string): Promise<number> {
    return this.repo().countBy({ conversationId, state: 'offered' });
  }

  listForConversation(conversationId: string): Promise<ChatOfferEntity[]> {
    return this.repo().findBy({ conversationId });
  }

  openForAccount(accountId: string): Promise<ChatOfferEntity[]> {
    return this.repo().find({ where: { accountId, state: In(['offered']) }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
