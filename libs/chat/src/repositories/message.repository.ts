import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, EntityManager, MoreThan, Like } from 'typeorm';
import { MessageEntity } from '../entities/message.entity.js';
import { assignSeqs, clientKey, countFresh, type BatchOutcome, type ReservedSeqs } from './message-batch.js';

/** The slice of better-sqlite3 the group commit uses (the driver's own connection). */
interface SqliteDb {
  inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
}
interface SqliteStatement {
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
}
/** The slice of a node-postgres client used here (the pooled connection TypeORM hands out). */
interface PgClient {
  query(config: { text: string; values?: unknown[] }): Promise<{ rows: any[] }>;
}

const COLUMNS = ['id', 'conversationId', 'seq', 'authorKind', 'authorAccountId', 'authorContactId', 'authorName', 'kind', 'body', 'clientId', 'externalId', 'createdAt'] as const;
const COLUMN_LIST = COLUMNS.map((c) => `"${c}"`).join(', ');

// Hand-written, parameterised SQL for the hot path: TypeORM's query building and statement
// preparation were ~a third of the server's time per commit. better-sqlite3 statements are
// prepared once. On pg they stay unnamed: a generic plan for these array-parameter statements is a
// risk as the tables grow, planning them per call is cheap, and named ones did not measure faster.
const SQLITE = {
  byClientId: `SELECT * FROM "conversation_messages" WHERE "conversationId" = ? AND "clientId" = ?`,
  reserve: `UPDATE "conversations" SET "lastSeq" = "lastSeq" + ?, "lastMessageAt" = ? WHERE "id" = ? AND "status" <> 'ended' RETURNING "lastSeq", "channel", "companyId"`,
  insert: `INSERT INTO "conversation_messages" (${COLUMN_LIST}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
};
// Array parameters (unnest / ANY) keep one statement text for every batch size.
const PG = {
  // Two ANY lists (a superset of the pairs; rows are then looked up by pair) use the (conversationId, clientId) index.
  byClientIds: `SELECT * FROM "conversation_messages" WHERE "conversationId" = ANY($1::varchar[]) AND "clientId" = ANY($2::varchar[])`,
  // The primary-key scan over ANY($1) visits (and locks) rows in index order: one lock order for all writers.
  reserve: `UPDATE "conversations" SET "lastSeq" = "lastSeq" + ($2::int[])[array_position($1::varchar[], "id")], "lastMessageAt" = $3
    WHERE "id" = ANY($1::varchar[]) AND "status" <> 'ended' RETURNING "id", "lastSeq", "channel", "companyId"`,
  insert: `INSERT INTO "conversation_messages" (${COLUMN_LIST})
    SELECT u.*, $12::timestamptz FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::text[], $10::varchar[], $11::varchar[]) AS u`,
};

@Injectable()
export class MessageRepository extends BaseRepository<MessageEntity> {
  private sqliteStatements?: { byClientId: SqliteStatement; reserve: SqliteStatement; insert: SqliteStatement };

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

  /** Whether a file message of this conversation references the file (chat file downloads). */
  async hasFile(conversationId: string, fileId: string): Promise<boolean> {
    return (await this.repo().countBy({ conversationId, kind: 'file', body: Like(`{"fileId":"${fileId.replace(/[^0-9a-f-]/gi, '')}"%`) })) > 0;
  }

  findByClientId(conversationId: string, clientId: string): Promise<MessageEntity | null> {
    return this.repo().findOneBy({ conversationId, clientId });
  }

  runInTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Group commits that may run at once. SQLite has one writer (and commits synchronously); on
   * PostgreSQL a few transactions on separate connections overlap their round trips. Same-conversation
   * batches still serialise on the conversation's row lock, so seqs stay dense and ordered.
   */
  get maxConcurrentCommits(): number {
    return this.isPostgres ? 3 : 1;
  }

  /**
   * ONE transaction for a group commit: skip rows whose clientId is stored already, reserve the
   * seqs (one conversation-row update each, sorted ids; ended conversations are skipped), insert
   * the rest. Rows must be free of in-batch duplicate clientIds. Outcomes follow the input order.
   */
  commitBatch(rows: MessageEntity[], at: Date): Promise<BatchOutcome[]> {
    return this.isPostgres ? this.commitPostgres(rows, at) : this.commitSqlite(rows, at);
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  private get sqlite(): SqliteDb {
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteDb }).databaseConnection;
  }

  private async commitSqlite(rows: MessageEntity[], at: Date): Promise<BatchOutcome[]> {
    const db = this.sqlite;
    // TypeORM shares this one connection: while one of its transactions is open (awaiting between
    // statements), our BEGIN would nest into it and commit only with it. Wait for it to finish.
    for (let waited = 0; db.inTransaction; waited++) {
      if (waited > 1000) throw new Error('SQLite connection stayed inside another transaction for 1s');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const s = (this.sqliteStatements ??= {
      byClientId: db.prepare(SQLITE.byClientId),
      reserve: db.prepare(SQLITE.reserve),
      insert: db.prepare(SQLITE.insert),
    });
    const createdAt = this.persistedDate(at);
    // Synchronous from BEGIN to COMMIT: nothing else on this event loop can interleave.
    return db.transaction(() => {
      const stored = new Map<string, MessageEntity>();
      for (const row of rows) {
        if (row.clientId === null) continue;
        const raw = s.byClientId.get(row.conversationId, row.clientId) as Record<string, unknown> | undefined;
        if (raw) stored.set(clientKey(row.conversationId, row.clientId), this.hydrate(raw));
      }
      const { counts, ids } = countFresh(rows, stored);
      const reserved = new Map<string, ReservedSeqs>();
      for (const id of ids) {
        const r = s.reserve.get(counts.get(id), createdAt, id) as { lastSeq: number; channel: string; companyId: string } | undefined;
        if (r) reserved.set(id, r);
      }
      const { insert, outcomes } = assignSeqs(rows, stored, counts, reserved);
      for (const m of insert) {
        s.insert.run(m.id, m.conversationId, m.seq, m.authorKind, m.authorAccountId, m.authorContactId, m.authorName, m.kind, m.body, m.clientId, m.externalId, createdAt);
      }
      return outcomes;
    })();
  }

  private async commitPostgres(rows: MessageEntity[], at: Date): Promise<BatchOutcome[]> {
    const runner = this.dataSource.createQueryRunner('master');
    const client = (await runner.connect()) as PgClient;
    try {
      await client.query({ text: 'BEGIN' });
      const stored = new Map<string, MessageEntity>();
      const keyed = rows.filter((r) => r.clientId !== null);
      if (keyed.length) {
        const found = await client.query({ text: PG.byClientIds, values: [[...new Set(keyed.map((r) => r.conversationId))], [...new Set(keyed.map((r) => r.clientId))]] });
        for (const raw of found.rows) stored.set(clientKey(raw.conversationId, raw.clientId), this.hydrate(raw));
      }
      const { counts, ids } = countFresh(rows, stored);
      const reserved = new Map<string, ReservedSeqs>();
      if (ids.length) {
        const result = await client.query({ text: PG.reserve, values: [ids, ids.map((id) => counts.get(id)), at] });
        for (const r of result.rows) reserved.set(r.id, { lastSeq: Number(r.lastSeq), channel: r.channel, companyId: r.companyId });
      }
      const { insert, outcomes } = assignSeqs(rows, stored, counts, reserved);
      if (insert.length) {
        const values: unknown[][] = COLUMNS.slice(0, -1).map(() => new Array(insert.length));
        insert.forEach((m, i) => {
          values[0][i] = m.id; values[1][i] = m.conversationId; values[2][i] = m.seq; values[3][i] = m.authorKind;
          values[4][i] = m.authorAccountId; values[5][i] = m.authorContactId; values[6][i] = m.authorName; values[7][i] = m.kind;
          values[8][i] = m.body; values[9][i] = m.clientId; values[10][i] = m.externalId;
        });
        await client.query({ text: PG.insert, values: [...values, at] });
      }
      await client.query({ text: 'COMMIT' });
      return outcomes;
    } catch (error) {
      await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private persistedDate(at: Date): unknown {
    return this.dataSource.driver.preparePersistentValue(at, this.repo().metadata.findColumnWithPropertyName('createdAt')!);
  }

  private hydrate(raw: Record<string, unknown>): MessageEntity {
    const createdAt = this.dataSource.driver.prepareHydratedValue(raw.createdAt, this.repo().metadata.findColumnWithPropertyName('createdAt')!);
    return Object.assign(new MessageEntity(), raw, { seq: Number(raw.seq), createdAt });
  }
}
