// The inbound-email benchmark's SMTP senders (child process of email-inbound.bench.ts): N pooled
// nodemailer connections in a closed loop, so building and sending the mails does not share the
// app's event loop (a mail server is another process in production). The ticket number of a new
// ticket (for the replies' [#N] token) comes from the parent over IPC, once its SMTP 250 is back.
import nodemailer from 'nodemailer';

interface Run {
  op: 'run';
  port: number;
  senders: string[];
  messages: number;
  connections: number;
  body: string;
  quote: string;
}

const pending = new Map<string, (n: number) => void>();
const ticketNumber = (messageId: string) =>
  new Promise<number>((resolve) => {
    pending.set(messageId, resolve);
    process.send!({ op: 'lookup', messageId });
  });

async function run(r: Run): Promise<void> {
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

process.on('message', (m: Run | { op: 'ticket'; messageId: string; number: number } | { op: 'go' }) => {
  if (m.op === 'run') void run(m).catch((error: Error) => process.send!({ op: 'error', error: error.message }));
  else if (m.op === 'ticket') {
    pending.get(m.messageId)?.(m.number);
    pending.delete(m.messageId);
  }
});
process.on('disconnect', () => process.exit(0));
