import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, MoreThan, Like } from 'typeorm';
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of one hand-written statement, typed where read
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }>;
}

const COLUMNS = [
  'id',
  'conversationId',
  'seq',
  'authorKind',
  'authorAccountId',
  'authorContactId',
  'authorName',
  'kind',
  'body',
  'clientId',
  'externalId',
  'createdAt',
] as const;
const COLUMN_LIST = COLUMNS.map((c) => `"${c}"`).join(', ');
/** The fields of a batch row sent to PostgreSQL (seq and createdAt are set by the statement). */
const INPUT_FIELDS = [
  'id',
  'conversationId',
  'authorKind',
  'authorAccountId',
  'authorContactId',
  'authorName',
  'kind',
  'body',
  'clientId',
  'externalId',
];

// Hand-written, parameterised SQL for the hot path: TypeORM's query building and statement
// preparation were ~a third of the server's time per commit. better-sqlite3 statements are
// prepared once, and so is the PostgreSQL statement (see commitPostgres).
const SQLITE = {
  byClientId: `SELECT * FROM "conversation_messages" WHERE "conversationId" = ? AND "clientId" = ?`,
  reserve: `UPDATE "conversations" SET "lastSeq" = "lastSeq" + ?, "lastMessageAt" = ? WHERE "id" = ? AND "status" <> 'ended' RETURNING "lastSeq", "channel", "companyId"`,
  insert: `INSERT INTO "conversation_messages" (${COLUMN_LIST}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
};
// One JSON parameter keeps one statement text for every batch size. The whole group
// commit is ONE statement (data-modifying CTEs run in one implicit transaction): one round trip
// instead of BEGIN, lookup, reserve, insert, COMMIT. On this 2-core machine the PostgreSQL
// backends share the CPU with the server, so every round trip saved is server time too.
//   input     the batch rows in arrival order ($1, a JSON array of objects), ord = position
//   stored    rows already stored under a (conversationId, clientId) pair of the batch: one
//             (conversationId, clientId) index probe per pair (LATERAL ... LIMIT 1 keeps it a probe
//             whatever the statistics say; the pair is unique). (Two "= ANY" lists on that index
//             made PostgreSQL 15 probe every combination: quadratic in the batch.)
//   fresh     input rows not stored yet, numbered per conversation in arrival order
//   counts    fresh rows per conversation
//   locked    the conversation rows to update (primary-key probes: = ANY(ARRAY(...))), locked in id
//             order (Sort under LockRows): one lock order for every writer on every instance, so
//             concurrent group commits never deadlock; ended conversations are skipped
//   delta     counts as one jsonb object (id → n), read once per statement
//   reserved  one UPDATE of the locked rows (primary-key probes again), lastSeq += delta[id]
//   last      the new lastSeq per reserved conversation, as one jsonb object
//   ins       the fresh rows of reserved conversations, seq = last[id] - count + number
// No step joins two CTEs: the planner estimates a CTE at a few rows whatever the batch holds and
// would pick nested loops over CTE scans (quadratic in the batch); jsonb lookups stay linear.
// The result: one 'r' row per reserved conversation and one 's' row (JSON) per stored message.
const PG = {
  commit: `WITH input AS (
      SELECT * FROM ROWS FROM (json_to_recordset($1::json) AS ("id" varchar, "conversationId" varchar, "authorKind" varchar, "authorAccountId" varchar, "authorContactId" varchar, "authorName" varchar, "kind" varchar, "body" text, "clientId" varchar, "externalId" varchar))
        WITH ORDINALITY AS u("id", "conversationId", "authorKind", "authorAccountId", "authorContactId", "authorName", "kind", "body", "clientId", "externalId", "ord")
    ), stored AS MATERIALIZED (
      SELECT m.* FROM (SELECT DISTINCT i."conversationId", i."clientId" FROM input i WHERE i."clientId" IS NOT NULL) k
      CROSS JOIN LATERAL (
        SELECT * FROM "conversation_messages" x WHERE x."conversationId" = k."conversationId" AND x."clientId" = k."clientId" LIMIT 1
      ) m
    ), fresh AS MATERIALIZED (
      SELECT i.*, row_number() OVER (PARTITION BY i."conversationId" ORDER BY i."ord") AS "rn", count(*) OVER (PARTITION BY i."conversationId") AS "n"
      FROM input i
      WHERE i."clientId" IS NULL OR NOT EXISTS (SELECT 1 FROM stored s WHERE s."conversationId" = i."conversationId" AND s."clientId" = i."clientId")
    ), counts AS MATERIALIZED (
      SELECT "conversationId" AS "id", count(*)::int AS "n" FROM fresh GROUP BY 1
    ), locked AS MATERIALIZED (
      SELECT c."id" FROM "conversations" c WHERE c."id" = ANY(ARRAY(SELECT k."id" FROM counts k)) AND c."status" <> 'ended' ORDER BY c."id" FOR UPDATE
    ), delta AS MATERIALIZED (
      SELECT jsonb_object_agg(k."id", k."n") AS "m" FROM counts k
    ), reserved AS (
      UPDATE "conversations" c SET "lastSeq" = c."lastSeq" + ((SELECT d."m" FROM delta d) ->> c."id")::int, "lastMessageAt" = $2
      WHERE c."id" = ANY(ARRAY(SELECT l."id" FROM locked l))
      RETURNING c."id", c."lastSeq", c."channel", c."companyId"
    ), last AS MATERIALIZED (
      SELECT jsonb_object_agg(r."id", r."lastSeq") AS "m" FROM reserved r
    ), ins AS (
      INSERT INTO "conversation_messages" (${COLUMN_LIST})
      SELECT f."id", f."conversationId", ((SELECT l."m" FROM last l) ->> f."conversationId")::int - f."n" + f."rn", f."authorKind", f."authorAccountId", f."authorContactId", f."authorName", f."kind", f."body", f."clientId", f."externalId", $2
      FROM fresh f WHERE (SELECT l."m" FROM last l) ? f."conversationId"
    )
    SELECT 'r' AS "t", r."id", r."lastSeq", r."channel", r."companyId", NULL::json AS "m" FROM reserved r
    UNION ALL SELECT 's', NULL, NULL, NULL, NULL, row_to_json(s) FROM stored s`,
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

  /**
   * The newest `limit` messages, oldest first: a backward scan of the (conversationId, seq) index
   * that stops after `limit` rows, whatever the thread's length (no OFFSET, no count).
   */
  async listLast(conversationId: string, limit: number): Promise<MessageEntity[]> {
    const rows = await this.repo().find({ where: { conversationId }, order: { seq: 'DESC' }, take: limit });
    return rows.reverse();
  }

  /** Whether a file message of this conversation references the file (chat file downloads). */
  async hasFile(conversationId: string, fileId: string): Promise<boolean> {
    return (
      (await this.repo().countBy({
        conversationId,
        kind: 'file',
        body: Like(`{"fileId":"${fileId.replace(/[^0-9a-f-]/gi, '')}"%`),
      })) > 0
    );
  }

  findByClientId(conversationId: string, clientId: string): Promise<MessageEntity | null> {
    return this.repo().findOneBy({ conversationId, clientId });
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

  /** node-postgres' pool behind TypeORM (the master pool; replicas are never written to). */
  private get pgPool(): PgClient {
    return (this.dataSource.driver as unknown as { master: PgClient }).master;
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
        const r = s.reserve.get(counts.get(id), createdAt, id) as
          { lastSeq: number; channel: string; companyId: string } | undefined;
        if (r) reserved.set(id, r);
      }
      const { insert, outcomes } = assignSeqs(rows, stored, counts, reserved);
      for (const m of insert) {
        s.insert.run(
          m.id,
          m.conversationId,
          m.seq,
          m.authorKind,
          m.authorAccountId,
          m.authorContactId,
          m.authorName,
          m.kind,
          m.body,
          m.clientId,
          m.externalId,
          createdAt,
        );
      }
      return outcomes;
    })();
  }

  private async commitPostgres(rows: MessageEntity[], at: Date): Promise<BatchOutcome[]> {
    // The batch travels as one JSON parameter: JSON.stringify is native, where ten array parameters
    // went through node-postgres' per-element escaping in JavaScript.
    const input = JSON.stringify(rows, INPUT_FIELDS);
    // One statement, one implicit transaction: Pool.query takes and returns a connection around it.
    // Named: each connection parses and plans it once. Safe as a generic plan: the batch is one JSON
    // value (no estimate depends on it) and every table access is an index lookup by construction.
    const result = await this.pgPool.query({
      name: 'switchboard_chat_group_commit',
      text: PG.commit,
      values: [input, at],
    });
    const stored = new Map<string, MessageEntity>();
    const reserved = new Map<string, ReservedSeqs>();
    for (const r of result.rows) {
      if (r.t === 'r') reserved.set(r.id, { lastSeq: Number(r.lastSeq), channel: r.channel, companyId: r.companyId });
      else stored.set(clientKey(r.m.conversationId, r.m.clientId), this.hydrate(r.m));
    }
    // The same arithmetic the statement did (arrival order per conversation), now for the outcomes.
    const { counts } = countFresh(rows, stored);
    return assignSeqs(rows, stored, counts, reserved).outcomes;
  }

  private persistedDate(at: Date): unknown {
    return this.dataSource.driver.preparePersistentValue(
      at,
      this.repo().metadata.findColumnWithPropertyName('createdAt')!,
    );
  }

  private hydrate(raw: Record<string, unknown>): MessageEntity {
    const createdAt = this.dataSource.driver.prepareHydratedValue(
      raw.createdAt,
      this.repo().metadata.findColumnWithPropertyName('createdAt')!,
    );
    return Object.assign(new MessageEntity(), raw, { seq: Number(raw.seq), createdAt });
  }
}
