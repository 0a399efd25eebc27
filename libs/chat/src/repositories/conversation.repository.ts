import { Injectable } from '@nestjs/common';
import { BaseRepository, SqliteConnectionGate } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import type { ConversationStatus } from '../chat.types.js';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { MessageEntity } from '../entities/message.entity.js';
import { ParticipantEntity } from '../entities/participant.entity.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class ConversationRepository extends BaseRepository<ConversationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ConversationEntity);
  }

  /**
   * One unit of work. On SQLite TypeORM shares one connection: the core's connection gate gives it
   * to one transaction at a time (two timers ending chats in one sweep would otherwise nest and fail).
   */
  runInTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const gate = SqliteConnectionGate.of(this.dataSource);
    if (gate) return gate.transaction((manager) => work(new Tx(manager)));
    return this.dataSource.transaction((manager) => work(new Tx(manager)));
  }

  findByIds(ids: string[]): Promise<ConversationEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  listForInstance(
    channel: string,
    channelInstanceId: string,
    statuses: ConversationStatus[],
  ): Promise<ConversationEntity[]> {
    return this.repo().find({
      where: { channel, channelInstanceId, status: In(statuses) },
      order: { createdAt: 'DESC' },
      take: 50,
    });
  }

  listOpenForTicket(channel: string, ticketId: string): Promise<ConversationEntity[]> {
    return this.repo().find({
      where: { channel, ticketId, status: In(['waiting', 'active']) },
      order: { createdAt: 'DESC' },
    });
  }

  /** Open ones, plus ended ones since `endedSince` (the workspace keeps recently ended chats visible). */
  listForParticipant(
    channel: string,
    kind: string,
    refId: string,
    endedSince: Date,
    limit: number,
  ): Promise<ConversationEntity[]> {
    return this.repo()
      .createQueryBuilder('c')
      .innerJoin(ParticipantEntity, 'p', 'p.conversationId = c.id AND p.kind = :kind AND p.refId = :refId', {
        kind,
        refId,
      })
      .where('c.channel = :channel', { channel })
      .andWhere('(c.status <> :ended OR c.endedAt >= :endedSince)', { ended: 'ended', endedSince })
      .orderBy('c.createdAt', 'DESC')
      .take(limit)
      .getMany();
  }

  /** Atomic status transition: true only for the caller that moved it (two instances may race). */
  async transition(
    id: string,
    from: ConversationStatus[],
    changes: Partial<ConversationEntity>,
    tx?: Tx,
  ): Promise<boolean> {
    const result = await this.repo(tx).update({ id, status: In(from) }, changes as never);
    return (result.affected ?? 0) > 0;
  }

  async updateMeta(id: string, meta: Record<string, unknown>, tx?: Tx): Promise<void> {
    await this.repo(tx).update({ id }, { meta } as never);
  }

  async setTicket(id: string, ticketId: string | null): Promise<void> {
    await this.repo().update({ id }, { ticketId });
  }

  /** Deletes the conversation with its messages and participants in one transaction. */
  async purge(id: string): Promise<void> {
    await this.runInTransaction(async ({ manager: tx }) => {
      await tx.getRepository(MessageEntity).delete({ conversationId: id });
      await tx.getRepository(ParticipantEntity).delete({ conversationId: id });
      await tx.getRepository(ConversationEntity).delete({ id });
    });
  }
}
