import type { DataSource } from 'typeorm';

/**
 * Conversations that are waiting or active without the deadline row that must end them: a
 * waiting portal chat without its abandon timer, a waiting agent chat without its accept
 * timeout, an active agent chat without its idle timer. Must always be empty.
 */
export async function conversationsWithoutDeadline(ds: DataSource): Promise<{ id: string; channel: string }[]> {
  const missing = (kind: string) =>
    `NOT EXISTS (SELECT 1 FROM "deadlines" d WHERE d."key" = '${kind}:' || c."id" AND d."state" IN ('pending', 'running'))`;
  return ds.query(
    `SELECT c."id", c."channel", c."status" FROM "conversations" c WHERE
       (c."channel" = 'portal' AND c."status" = 'waiting' AND ${missing('portal.abandon')})
    OR (c."channel" = 'agent' AND c."status" = 'waiting' AND ${missing('agent-chat.accept')})
    OR (c."channel" = 'agent' AND c."status" = 'active' AND ${missing('agent-chat.idle')})`,
  );
}

/** Makes inserting a deadline of `kind` fail for real (a trigger), on SQLite or PostgreSQL. Returns the undo. */
export async function refuseDeadlineInserts(ds: DataSource, kind: string): Promise<() => Promise<void>> {
  const name = `refuse_${kind.replace(/[^a-z]/g, '_')}`;
  if (ds.options.type === 'postgres') {
    await ds.query(
      `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'deadline insert refused'; END $$ LANGUAGE plpgsql`,
    );
    await ds.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "deadlines" FOR EACH ROW WHEN (NEW."kind" = '${kind}') EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await ds.query(`DROP TRIGGER ${name} ON "deadlines"`);
      await ds.query(`DROP FUNCTION ${name}()`);
    };
  }
  await ds.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "deadlines" WHEN NEW."kind" = '${kind}' BEGIN SELECT RAISE(ABORT, 'deadline insert refused'); END`,
  );
  return async () => void (await ds.query(`DROP TRIGGER ${name}`));
}
