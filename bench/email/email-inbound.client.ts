// The inbound-email benchmark's SMTP senders (child process of email-inbound.bench.ts): N pooled
// nodemailer connections in a closed loop, so building and sending the mails does not share the
// app's event loop (a mail server is another process in production). The ticket number of a new
// ticket (for the replies' [#N] token) is read here, over this process's own database connection,
// once its SMTP 250 is back: neither the app's CPU nor its statements count it.
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';

interface Run {
  op: 'run';
  port: number;
  databaseUrl: string;
  senders: string[];
  messages: number;
  connections: number;
  body: string;
  quote: string;
}

const LOOKUP = 'SELECT "ticketNumber" FROM channel_inbound_messages WHERE "externalId" = ';

/** The ticket number stored for an inbound Message-ID (SQLite file or PostgreSQL database of the app). */
async function ticketNumbers(url: string): Promise<(messageId: string) => Promise<number>> {
  const sqlite = url.startsWith('sqlite:');
  const ds = await new DataSource(
    sqlite ? { type: 'better-sqlite3', database: url.slice('sqlite:'.length) } : { type: 'postgres', url },
  ).initialize();
  const sql = `${LOOKUP}${sqlite ? '?' : '$1'}`;
  return async (messageId) => ((await ds.query(sql, [messageId])) as Array<{ ticketNumber: number }>)[0].ticketNumber;
}

async function run(r: Run): Promise<void> {
  const ticketNumber = await ticketNumbers(r.databaseUrl);
  const transports = Array.from({ length: r.connections }, () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: r.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
      maxMessages: Infinity,
    }),
  );
  // Warm-up (JIT, connection setup), not measured.
  for (let i = 0; i < 20; i++)
    await transports[0].sendMail({
      from: r.senders[0],
      to: 'support@helpdesk.example',
      subject: `warm ${i}`,
      text: r.body,
    });
  process.send!({ op: 'warm' });
  await new Promise((resolve) => process.once('message', resolve)); // the parent starts measuring
  const opened = new Map<string, { number: number; messageId: string }[]>();
  const latencies: number[] = [];
  let next = 0;
  let created = 0;
  let replies = 0;
  const worker = async (w: number) => {
    for (;;) {
      const i = next++;
      if (i >= r.messages) return;
      const from = r.senders[i % r.senders.length];
      const mine = opened.get(from) ?? [];
      const reply = i % 2 === 1 && mine.length > 0;
      const messageId = `<bench-${i}-${Date.now()}@bench.example>`;
      const target = reply ? mine[mine.length - 1] : null;
      const started = process.hrtime.bigint();
      await transports[w].sendMail({
        from,
        to: 'support@helpdesk.example',
        messageId,
        subject: target ? `Re: [#${target.number}] Printer prints blank pages` : `Printer prints blank pages (${i})`,
        text: target ? `Still blank after the restart (${i}).${r.quote}` : r.body,
        ...(target && i % 4 === 3 ? { inReplyTo: target.messageId, references: [target.messageId] } : {}),
      });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (target) replies++;
      else {
        created++;
        opened.set(from, [...mine, { number: await ticketNumber(messageId), messageId }]);
      }
    }
  };
  const started = Date.now();
  await Promise.all(transports.map((_, w) => worker(w)));
  const seconds = (Date.now() - started) / 1000;
  for (const t of transports) t.close();
  process.send!({ op: 'done', latencies, created, replies, seconds });
}

process.on('message', (m: Run | { op: 'go' }) => {
  if (m.op === 'run') void run(m).catch((error: Error) => process.send!({ op: 'error', error: error.message }));
});
process.on('disconnect', () => process.exit(0));
