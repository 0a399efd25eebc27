// Benchmark: inbound email throughput — messages per second through real SMTP sessions into
// tickets (parse, reply extraction, de-duplication, identity, threading, comment + original .eml
// storage, acknowledgement into the outbox), through the real app and the channel-email plugin.
//
//   node -r ./scripts/register.cjs bench/email/email-inbound.bench.ts                   (SQLite)
//   BENCH_DB=postgres node -r ./scripts/register.cjs bench/email/email-inbound.bench.ts
//
// Knobs: BENCH_MESSAGES (1000), BENCH_CONNECTIONS (8 concurrent SMTP sessions), BENCH_SENDERS (50),
// BENCH_REDIS=1 (the Redis adapter, REDIS_URL or redis://127.0.0.1:6379), BENCH_TRACE=1 (prints the
// statements of one new-ticket mail and of one reply), BENCH_PROFILE=<file> (CPU profile of the measured phase).
// Prints messages/s against the target (>= 200 on PostgreSQL, #20.5) and the statements per mail
// (every statement the app sends while measuring, BEGIN/COMMIT included).
// The SMTP senders run in a child process (email-inbound.client.ts); serverCpuMsPerMessage is the app's
// process only (the client reads the new tickets' numbers over its own connection). Half the mails open tickets, half answer them (by [#N] token or In-Reply-To). Outbound is
// outbox-only (no relay), so the number is the inbound pipeline's. Writes bench/results/email-inbound-<db>.json.
import './bench-env.js';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CompanyService, ContactService, SettingsService } from '@switchboard/core';
import { createTestApp, registerAppFactory, REPO_ROOT } from '@switchboard/testing';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 50);
const DB = process.env.BENCH_DB === 'postgres' ? 'postgresql' : 'sqlite';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const BODY = `Hello,\n\nthe printer on the third floor prints blank pages since this morning. I already restarted it\nand replaced the toner. Could someone have a look?\n\nThanks,\nMelissa\n\nSent from my iPhone\n`;
const QUOTE = `\n\nOn Mon, 4 Mar 2024 at 10:12, Helpdesk <support@helpdesk.example> wrote:\n> Please restart the printer and tell us if it helps.\n> \n> -- \n> Tina\n`;

async function main(): Promise<void> {
  const smtpPort = await freePort();
  const t = await createTestApp({
    plugins: [{ name: 'plugins/channel-email', enable: true }],
    redis: !!process.env.BENCH_REDIS,
    env: {
      SWITCHBOARD_SMTP_PORT: String(smtpPort),
      SWITCHBOARD_SMTP_HOST: '127.0.0.1',
      SWITCHBOARD_MAIL_DOMAINS: 'helpdesk.example',
      SWITCHBOARD_MAIL_FROM: 'Helpdesk <support@helpdesk.example>',
    },
  });
  try {
    await t.get(SettingsService).set('channels.inboundRateLimit', 0);
    const company = await t.get(CompanyService).create({ name: 'Bench Co' });
    const senders: string[] = [];
    for (let i = 0; i < SENDERS; i++) {
      const email = `user${i}@bench.example`;
      await t.get(ContactService).create({ companyId: company.id, firstName: `User${i}`, lastName: 'Bench', email });
      senders.push(email);
    }
    const ds = t.get(DataSource);
    // The SMTP senders run in a child process (email-inbound.client.ts); before 2026-12-06 they shared this one's event loop.
    const client = fork(join(__dirname, 'email-inbound.client.ts'), [], { execArgv: process.execArgv });
    type FromClient =
      | { op: 'warm' }
      | { op: 'done'; latencies: number[]; created: number; replies: number; seconds: number }
      | { op: 'error'; error: string };
    const next = (op: 'warm' | 'done') =>
      new Promise<FromClient>((resolve, reject) => {
        const on = (m: FromClient) => {
          client.off('message', on);
          if (m.op === 'error') reject(new Error(m.error));
          else if (m.op !== op) reject(new Error(`expected ${op}, got ${m.op}`));
          else resolve(m);
        };
        client.on('message', on);
      });
    const warm = next('warm');
    client.send({
      op: 'run',
      port: smtpPort,
      // The client reads the new tickets' numbers itself (its own connection): not the app's CPU or statements.
      databaseUrl: t.database.url,
      senders,
      messages: MESSAGES,
      connections: CONNECTIONS,
      body: BODY,
      quote: QUOTE,
    });
    await warm;
    if (process.env.BENCH_TRACE) {
      const transports = [
        nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true }),
      ];
      const log: string[] = [];
      const orig = ds.logger.logQuery.bind(ds.logger);
      ds.logger.logQuery = (q: string) => void log.push(q.replace(/\s+/g, ' ').slice(0, 300));
      await transports[0].sendMail({
        from: senders[1],
        to: 'support@helpdesk.example',
        subject: 'trace new',
        text: BODY,
        messageId: '<trace-1@bench.example>',
      });
      await new Promise((r) => setTimeout(r, 300));
      console.log(`--- new ticket: ${log.length} queries\n${log.join('\n')}`);
      log.length = 0;
      const [row] = (await ds.query(
        DB === 'postgresql'
          ? 'SELECT "ticketNumber" FROM channel_inbound_messages WHERE "externalId" = $1'
          : 'SELECT "ticketNumber" FROM channel_inbound_messages WHERE "externalId" = ?',
        ['<trace-1@bench.example>'],
      )) as Array<{ ticketNumber: number }>;
      log.length = 0;
      await transports[0].sendMail({
        from: senders[1],
        to: 'support@helpdesk.example',
        subject: `Re: [#${row.ticketNumber}] trace`,
        text: `Still blank.${QUOTE}`,
      });
      await new Promise((r) => setTimeout(r, 300));
      console.log(`--- reply: ${log.length} queries\n${log.join('\n')}`);
      ds.logger.logQuery = orig;
      transports[0].close();
    }

    // BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the measured phase only (no boot, no teardown).
    const profiler = process.env.BENCH_PROFILE ? new Session() : null;
    const post = (method: string, params?: object) =>
      new Promise<unknown>((resolve, reject) =>
        profiler!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
      );
    if (profiler) {
      profiler.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    // Every statement the app sends (TypeORM logs each one, BEGIN/COMMIT included) during the measured phase.
    let statements = 0;
    // BENCH_STATEMENTS=1: how many times each statement ran (its first 90 characters), after the result.
    const histogram = process.env.BENCH_STATEMENTS ? new Map<string, number>() : null;
    const logQuery = ds.logger.logQuery.bind(ds.logger);
    ds.logger.logQuery = (query, parameters, runner) => {
      statements++;
      if (histogram) {
        const key = query.replace(/\s+/g, ' ').slice(0, 90);
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
      }
      logQuery(query, parameters, runner);
    };
    const cpu0 = process.cpuUsage();
    const done = next('done');
    client.send({ op: 'go' });
    const { latencies, created, replies, seconds } = (await done) as Extract<FromClient, { op: 'done' }>;
    const cpu = process.cpuUsage(cpu0);
    ds.logger.logQuery = logQuery;
    client.disconnect();
    if (profiler) {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }

    const [{ n: comments }] = (await ds.query('SELECT COUNT(*) AS n FROM ticket_comments')) as Array<{
      n: string | number;
    }>;
    latencies.sort((a, b) => a - b);
    const out = {
      date: new Date().toISOString(),
      database: DB,
      messages: MESSAGES,
      connections: CONNECTIONS,
      senders: SENDERS,
      newTickets: created,
      replies,
      seconds: Number(seconds.toFixed(2)),
      messagesPerSecond: Number((MESSAGES / seconds).toFixed(1)),
      latencyMs: {
        p50: Number(percentile(latencies, 50).toFixed(1)),
        p95: Number(percentile(latencies, 95).toFixed(1)),
        p99: Number(percentile(latencies, 99).toFixed(1)),
      },
      commentsStored: Number(comments),
      queriesPerMessage: Number((statements / MESSAGES).toFixed(1)),
      // The app's process only (the SMTP senders are the child's): CPU ms per mail, user + system.
      serverCpuMsPerMessage: Number(((cpu.user + cpu.system) / 1000 / MESSAGES).toFixed(2)),
      // The kernel's share (socket writes and reads, files): what fewer statements save.
      serverSystemCpuMsPerMessage: Number((cpu.system / 1000 / MESSAGES).toFixed(2)),
    };
    console.log(JSON.stringify(out, null, 2));
    // Target (#20.5): >= 200 messages/s on PostgreSQL; SQLite is reported against the same figure.
    const TARGET = 200;
    console.log(
      `${DB}: ${out.messagesPerSecond} msg/s (target >= ${TARGET}: ${out.messagesPerSecond >= TARGET ? 'met' : 'NOT met'}), ` +
        `${out.queriesPerMessage} queries per mail, ${out.serverCpuMsPerMessage} ms server CPU per mail, p95 ${out.latencyMs.p95} ms`,
    );
    if (histogram)
      for (const [query, n] of [...histogram].sort((a, b) => b[1] - a[1]))
        console.log(`${(n / MESSAGES).toFixed(2).padStart(6)} per mail  ${query}`);
    if (Number(comments) < MESSAGES) throw new Error(`only ${comments} comments for ${MESSAGES} messages`);
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(REPO_ROOT, `bench/results/email-inbound-${DB}.json`), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
