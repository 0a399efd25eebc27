import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ConversationStatus } from '../chat.types.js';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { MessageEntity } from '../entities/message.entity.js';
import { ParticipantEntity } from '../entities/participant.entity.js';
import { placeholders, returnedRows } from './sql-params.js';

/** What the seq reservation hands back: the new lastSeq plus the facts delivery needs (no extra read). */
export interface ReservedSeqs {
  lastSeq: number;
  channel: string;
  companyId: string;
}

@Injectable()
export class ConversationRepository extends BaseRepository<ConversationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ConversationEntity);
  }

  findByIds(ids: string[]): Promise<ConversationEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Atomic status transition: true only for the caller that moved it (two instances may race). */
  async transition(id: string, from: ConversationStatus[], changes: Partial<ConversationEntity>, tx?: EntityManager): Promise<boolean> {
    const result = await this.repo(tx).update({ id, status: In(from) }, changes as never);
    return (result.affected ?? 0) > 0;
  }

  async updateMeta(id: string, meta: Record<string, unknown>, tx?: EntityManager): Promise<void> {
    await this.repo(tx).update({ id }, { meta } as never);
  }

  async setTicket(id: string, ticketId: string | null): Promise<void> {
    await this.repo().update({ id }, { ticketId });
  }

  /**
   * Reserves `count` seqs for each conversation in ONE statement, inside the group-commit
   * transaction: the row lock taken by the UPDATE serialises writers of the same conversation
   * across API instances (PostgreSQL), and SQLite has a single writer anyway. Ended
   * conversations are skipped (their messages are refused). Returns the new lastSeq per id.
   */
  async reserveSeqs(tx: EntityManager, counts: Map<string, number>, at: Date): Promise<Map<string, ReservedSeqs>> {
    const ph = placeholders(this.dataSource);
    const pg = this.dataSource.options.type === 'postgres';
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return ph(params.length);
    };
    // Sorted ids: a stable lock order keeps two instances' batches from deadlocking on PostgreSQL.
    const ids = [...counts.keys()].sort();
    const cases = ids.map((id) => `WHEN ${p(id)} THEN ${p(counts.get(id))}${pg ? '::int' : ''}`).join(' ');
    const atParam = p(this.dataSource.driver.preparePersistentValue(at, this.repo().metadata.findColumnWithPropertyName('lastMessageAt')!));
    const inList = ids.map((id) => p(id)).join(', ');
    const sql = `UPDATE "conversations" SET "lastSeq" = "lastSeq" + CASE "id" ${cases} ELSE 0 END, "lastMessageAt" = ${atParam}
      WHERE "id" IN (${inList}) AND "status" <> 'ended' RETURNING "id", "lastSeq", "channel", "companyId"`;
    const rows = returnedRows<{ id: string; lastSeq: number | string; channel: string; companyId: string }>(await tx.query(sql, params));
    return new Map(rows.map((r) => [r.id, { lastSeq: Number(r.lastSeq), channel: r.channel, companyId: r.companyId }]));
  }

  /** Deletes the conversation with its messages and participants in one transaction. */
  async purge(id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(MessageEntity).delete({ conversationId: id });
      await tx.getRepository(ParticipantEntity).delete({ conversationId: id });
      await tx.getRepository(ConversationEntity).delete({ id });
    });
  }
}
