// The benchmark's helpdesk agents (child process of agent-connections.bench.ts): N /device sockets
// configured like switchboard-agent (reconnection with exponential backoff 1 s → 30 s, ±50 %
// jitter), behaving like it on every (re)connect: `chat.state`, then `chat.join` for an active
// chat, `chat.request` again when it had asked for a technician (the server must not duplicate
// it), `chat.accept` for technicians' requests. They reach the server through a TCP relay in this
// process whose target moves when the server restarts on another port (a load balancer's role).
import { createConnection, createServer, type Socket as NetSocket } from 'node:net';
import { io, type Socket } from 'socket.io-client';

interface Agent {
  socket: Socket;
  requesting: boolean;
  connects: number;
  ready: boolean;
}

let target = 0;
const relays = new Set<NetSocket>();
const relay = createServer((client) => {
  const upstream = createConnection({ host: '127.0.0.1', port: target });
  relays.add(client);
  client.pipe(upstream).pipe(client);
  const close = () => {
    relays.delete(client);
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close).on('close', close);
  upstream.on('error', close).on('close', close);
});

const agents: Agent[] = [];
let epoch = 0;

function ack<T = any>(socket: Socket, event: string, payload: unknown = {}): Promise<T> {
  return socket.timeout(30_000).emitWithAck(event, payload) as Promise<T>;
}

async function resume(agent: Agent): Promise<void> {
  if (process.env.BENCH_BARE === '1') return void (agent.ready = true);
  const state = await ack<{ ok: boolean; data: { chats: Array<{ id: string; status: string; initiatedBy: string }> } }>(
    agent.socket,
    'chat.state',
  );
  for (const chat of state.data.chats) {
    if (chat.status === 'active') await ack(agent.socket, 'chat.join', { conversationId: chat.id, afterSeq: 0 });
  }
  if (agent.requesting) await ack(agent.socket, 'chat.request');
  agent.ready = true;
}

function start(url: string, token: string): Agent {
  const socket = io(`${url}/device`, {
    transports: ['websocket'],
    forceNew: true,
    auth: { token },
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    timeout: 20_000,
  });
  const agent: Agent = { socket, requesting: false, connects: 0, ready: false };
  socket.on('connect', () => {
    agent.connects++;
    agent.ready = false;
    resume(agent).catch(() => undefined);
  });
  socket.on('disconnect', (reason) => {
    agent.ready = false;
    // Like switchboard-agent: a server-side disconnect (shutdown) is retried after a random 1-5 s.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000 + Math.random() * 4000);
  });
  socket.on(
    'chat.requested',
    (p: { chat: { id: string } }) => void ack(socket, 'chat.accept', { conversationId: p.chat.id }),
  );
  return agent;
}

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
  return performance.now() - t0;
}

process.on('message', async (m: { cmd: string; [k: string]: any }) => {
  try {
    if (m.cmd === 'listen') {
      target = m.port;
      await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
      process.send!({ port: (relay.address() as { port: number }).port });
    } else if (m.cmd === 'connect') {
      const t0 = performance.now();
      const tokens = m.tokens as string[];
      for (let i = 0; i < tokens.length; i += 250) {
        const batch = tokens.slice(i, i + 250).map((tk) => start(m.url, tk));
        agents.push(...batch);
        await until(() => batch.every((a) => a.ready), 60_000);
      }
      process.send!({ connected: agents.filter((a) => a.ready).length, ms: Math.round(performance.now() - t0) });
    } else if (m.cmd === 'request') {
      const chosen = (m.indices as number[]).map((i) => agents[i]);
      const answers = await Promise.all(
        chosen.map(async (a) => {
          a.requesting = true;
          return (await ack(a.socket, 'chat.request')).data?.status;
        }),
      );
      process.send!({ statuses: answers });
    } else if (m.cmd === 'restart') {
      // The server is gone: drop the relayed connections (as a dead backend would) and point at the new one.
      epoch = agents.reduce((n, a) => n + a.connects, 0);
      target = m.port;
      process.send!({ retargeted: true });
    } else if (m.cmd === 'await-back') {
      const ms = await until(() => agents.every((a) => a.ready && a.socket.connected), m.timeoutMs);
      process.send!({
        back: agents.length,
        ms: Math.round(ms),
        reconnects: agents.reduce((n, a) => n + a.connects, 0) - epoch,
      });
    } else if (m.cmd === 'stop') {
      for (const a of agents) a.socket.close();
      for (const r of relays) r.destroy();
      relay.close();
      process.send!({ stopped: true });
      setTimeout(() => process.exit(0), 100);
    }
  } catch (error) {
    process.send!({ error: (error as Error).message, ready: agents.filter((a) => a.ready).length });
  }
});
