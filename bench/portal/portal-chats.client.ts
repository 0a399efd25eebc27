// The benchmark's socket clients (child process of portal-chats.bench.ts): one visitor (/portal)
// and one technician (/agent) socket per chat. Latency = send → delivery at the OTHER party,
// measured in this one process (one clock).
import { PerformanceObserver } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

interface Pair {
  visitorToken: string;
  techToken: string;
  conversationId: string;
}
interface Chat {
  visitor: Socket;
  tech: Socket;
  conversationId: string;
}

const chats: Chat[] = [];
const sentAt = new Map<string, number>();
let latencies: number[] | null = null;
let traceStart = 0;
const clientGc: Array<{ at: number; ms: number }> = [];
if (process.env.BENCH_TRACE) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration > 5 && latencies) clientGc.push({ at: e.startTime, ms: e.duration });
  }).observe({ entryTypes: ['gc'] });
}
const traceBySecond: number[][] = [];
let delivered = 0;
let counter = 0;

function connect(baseUrl: string, ns: string, token: string): Promise<Socket> {
  const socket = io(`${baseUrl}${ns}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function onMessage(me: 'contact' | 'technician') {
  return (e: { message: { clientId: string | null; author: { kind: string } } }) => {
    // Count deliveries to the other party only (the sender's own echo is not a delivery).
    if (e.message.author.kind === me || !e.message.clientId) return;
    delivered++;
    const t0 = sentAt.get(e.message.clientId);
    if (t0 !== undefined) {
      sentAt.delete(e.message.clientId);
      latencies?.push(performance.now() - t0);
      if (latencies && process.env.BENCH_TRACE)
        (traceBySecond[Math.floor((t0 - traceStart) / 1000)] ??= []).push(performance.now() - t0);
    }
  };
}

/**
 * One message; resolves with the server's ack. No per-message timer (socket.io's .timeout() arms
 * one per emit, a measurable share of this process's CPU at saturation): a phase that loses an
 * ack fails as a whole, see withDeadline.
 */
function send(chat: Chat, fromVisitor: boolean): Promise<{ ok: boolean }> {
  const clientId = `m${++counter}`;
  sentAt.set(clientId, performance.now());
  return new Promise((resolve) => {
    if (fromVisitor) chat.visitor.emit('chat.send', { clientId, body: `visitor message ${counter}` }, resolve);
    else
      chat.tech.emit(
        'conversation.send',
        { conversationId: chat.conversationId, clientId, body: `technician reply ${counter}` },
        resolve,
      );
  });
}

/** A phase that has not finished `graceMs` after its planned end has lost acks: fail it. */
function withDeadline<T>(work: Promise<T>, ms: number, graceMs = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`acks missing ${graceMs} ms after the phase ended`)), ms + graceMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const handlers: Record<string, (m: any) => Promise<unknown>> = {
  async connect(m: { baseUrl: string; pairs: Pair[] }) {
    await inBatches(m.pairs, 50, async (p) => {
      const [visitor, tech] = await Promise.all([
        connect(m.baseUrl, '/portal', p.visitorToken),
        connect(m.baseUrl, '/agent', p.techToken),
      ]);
      const vj = await visitor.timeout(10_000).emitWithAck('chat.join', {});
      const tj = await tech.timeout(10_000).emitWithAck('conversation.join', { conversationId: p.conversationId });
      if (!vj.ok || !tj.ok) throw new Error(`join failed: ${JSON.stringify(vj.ok ? tj : vj)}`);
      visitor.on('conversation.message', onMessage('contact'));
      tech.on('conversation.message', onMessage('technician'));
      chats.push({ visitor, tech, conversationId: p.conversationId });
    });
    return { connected: chats.length };
  },
  async warmup() {
    await withDeadline(
      inBatches(chats, 100, async (c) => {
        await send(c, true);
        await send(c, false);
        await send(c, true);
      }),
      0,
      120_000,
    );
    sentAt.clear();
    return {};
  },
  /** Every socket keeps one message in flight (send the next on ack) for `ms`. */
  async saturate(m: { ms: number }) {
    let acked = 0;
    let errors = 0;
    delivered = 0;
    const until = performance.now() + m.ms;
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const loop = async (chat: Chat, fromVisitor: boolean) => {
      while (performance.now() < until) {
        const r = await send(chat, fromVisitor).catch(() => ({ ok: false }));
        if (r.ok) acked++;
        else errors++;
      }
    };
    await withDeadline(Promise.all(chats.flatMap((c) => [loop(c, true), loop(c, false)])), m.ms);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    await new Promise((r) => setTimeout(r, 500));
    sentAt.clear();
    return { acked, delivered, ms, errors, clientCpuMs: (cpu.user + cpu.system) / 1000 };
  },
  /** A steady `perSecond` (1 ms ticks, round-robin over chats and sides) for `ms`. */
  async rate(m: { perSecond: number; ms: number }) {
    latencies = [];
    traceStart = performance.now();
    delivered = 0;
    let sent = 0;
    let errors = 0;
    let i = 0;
    const start = performance.now();
    const pending: Promise<unknown>[] = [];
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const elapsed = performance.now() - start;
        if (elapsed >= m.ms) {
          clearInterval(tick);
          resolve();
          return;
        }
        const due = Math.floor((elapsed * m.perSecond) / 1000);
        while (sent < due) {
          const chat = chats[i % chats.length];
          pending.push(
            send(chat, Math.floor(i / chats.length) % 2 === 0).then(
              (r) => void (r.ok || errors++),
              () => void errors++,
            ),
          );
          i++;
          sent++;
        }
      }, 1);
    });
    await withDeadline(Promise.all(pending), 0);
    await new Promise((r) => setTimeout(r, 500));
    if (process.env.BENCH_TRACE)
      console.error(
        'client GC pauses over 5 ms:',
        clientGc.map((g) => `${((g.at - traceStart) / 1000).toFixed(1)}s ${g.ms.toFixed(1)}ms`).join(', '),
      );
    if (process.env.BENCH_TRACE)
      console.error(
        'latency by second (p99 ms):',
        traceBySecond.map((l) => (l.sort((a, b) => a - b)[Math.ceil(l.length * 0.99) - 1] ?? 0).toFixed(1)).join(' '),
      );
    const sorted = latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(2);
    latencies = null;
    return { sent, delivered, p50: pct(50), p99: pct(99), max: +(sorted[sorted.length - 1] ?? NaN).toFixed(2), errors };
  },
  async exit() {
    for (const c of chats) {
      c.visitor.close();
      c.tech.close();
    }
    setTimeout(() => process.exit(0), 100);
    return {};
  },
};

process.on('message', (m: { type: string }) => {
  handlers[m.type](m).then(
    (r) => process.send?.(r),
    (error: Error) => process.send?.({ error: error.message }),
  );
});
// Never outlive the parent.
process.on('disconnect', () => process.exit(0));
