import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { MessageEntity } from '../entities/message.entity.js';

@Injectable()
export class MessageRepository extends BaseRepository<MessageEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, MessageEntity);
  }

  /** Messages after a seq, oldest first: the resume cursor after a reconnect or reload. */
  listAfter(conversationId: string, afterSeq: number, limit: number): Promise<MessageEntity[]> {
    return this.repo().find({ where: { conversationId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
  }

  listFirst(conversationId: string, limit: number): Promise<MessageEntity[]> {
    return this.repo().find({ where: { conversationId }, order: { seq: 'ASC' }, take: limit });
  }

  /** Existing messages carrying these client ids (idempotent retries). */
  findByClientIds(tx: EntityManager, conversationIds: string[], clientIds: string[]): Promise<MessageEntity[]> {
    if (!clientIds.length) return Promise.resolve([]);
    return this.repo(tx).findBy({ conversationId: In([...new Set(conversationIds)]), clientId: In([...new Set(clientIds)]) });
  }

  findByClientId(conversationId: string, clientId: string): Promise<MessageEntity | null> {
    return this.repo().findOneBy({ conversationId, clientId });
  }

  /** One multi-row INSERT for the whole group commit. */
  async insertMany(tx: EntityManager, rows: MessageEntity[]): Promise<void> {
    if (!rows.length) return;
    await tx.createQueryBuilder().insert().into(MessageEntity).values(rows as never).updateEntity(false).execute();
  }

  runInTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
