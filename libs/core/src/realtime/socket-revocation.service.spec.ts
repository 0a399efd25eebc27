import { newTestService } from '@switchboard/testing';
import type { Namespace } from 'socket.io';
import { Clock } from '../clock/clock.js';
import { FakeClock } from '../clock/fake-clock.js';
import { AppConfig } from '../config/app-config.js';
import { AccessRevocations } from '../identity/access-revocations.service.js';
import { SessionPrincipals } from '../identity/session-principals.service.js';
import { InstanceBus } from '../redis/instance-bus.service.js';
import type { AccountPrincipal } from '../access/principal.js';
import { SocketRevocation } from './socket-revocation.service.js';

type Middleware = (packet: unknown[], next: (err?: Error) => void) => void;

/** The slice of a socket.io namespace and its sockets the service touches. */
function fakeNamespace() {
  const calls: string[] = [];
  const sockets = new Map<string, ReturnType<typeof fakeSocket>>();
  let onConnection: ((s: unknown) => void) | undefined;
  function fakeSocket(id: string, expiresAtMs: number | null, extra: Record<string, unknown> = {}) {
    const socket = {
      id,
      connected: true,
      data: { expiresAtMs, ...extra } as Record<string, unknown>,
      middlewares: [] as Middleware[],
      use: (fn: Middleware) => void socket.middlewares.push(fn),
      emit: (event: string, payload: unknown) => void calls.push(`${id} emit ${event} ${JSON.stringify(payload)}`),
      disconnect: (close: boolean) => {
        calls.push(`${id} disconnect ${close}`);
        sockets.delete(id);
      },
    };
    return socket;
  }
  const namespace = {
    sockets,
    on: (event: string, fn: (s: unknown) => void) => {
      if (event === 'connection') onConnection = fn;
    },
    to: (room: string) => ({
      emit: (event: string, p: unknown) => void calls.push(`to ${room} ${event} ${JSON.stringify(p)}`),
    }),
    in: (room: string) => ({ disconnectSockets: (close: boolean) => void calls.push(`disconnect ${room} ${close}`) }),
  };
  const connect = (id: string, expiresAtMs: number | null, extra: Record<string, unknown> = {}) => {
    const s = fakeSocket(id, expiresAtMs, extra);
    sockets.set(id, s);
    onConnection?.(s);
    return s;
  };
  return { namespace: namespace as unknown as Namespace, calls, connect };
}

function setup() {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const revocations = new AccessRevocations();
  const t = newTestService(SocketRevocation, {
    types: [
      [Clock, clock],
      [AccessRevocations, revocations],
      [AppConfig, { sweepIntervalMs: 60_000 }],
    ],
  });
  let resync: (() => void) | undefined;
  t.fake(InstanceBus).onResync.mockImplementation((fn: () => void) => {
    resync = fn;
    return () => undefined;
  });
  t.sut.onModuleInit();
  return { ...t, clock, revocations, resync: () => resync?.() };
}

describe('SocketRevocation', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => (ctx = setup()));
  afterEach(() => ctx.sut.onApplicationShutdown());

  it('tells then drops the room of the principal whose access changed or whose session ended', async () => {
    const agent = fakeNamespace();
    const device = fakeNamespace();
    ctx.sut.watch('agent', agent.namespace);
    ctx.sut.watch('device', device.namespace);

    await ctx.revocations.revoke({ kind: 'account-changed', accountId: 'a1' });
    await ctx.revocations.revoke({ kind: 'account-ended', accountId: 'a2', reason: 'password' });
    await ctx.revocations.revoke({ kind: 'session-ended', accountId: 'a3', sessionId: 's3', reason: 'logout' });
    await ctx.revocations.revoke({ kind: 'device-ended', deviceId: 'd1', reason: 'token-rotated' });

    expect(agent.calls).toEqual([
      'to account:a1 access.changed {"reconnect":true}',
      'disconnect account:a1 true',
      'to account:a2 session.revoked {"reason":"password"}',
      'disconnect account:a2 true',
      'to session:s3 session.revoked {"reason":"logout"}',
      'disconnect session:s3 true',
    ]);
    expect(device.calls).toEqual([
      'to device:d1 session.revoked {"reason":"token-rotated"}',
      'disconnect device:d1 true',
    ]);
  });

  it('drops a socket whose token has expired on its next event, and lets a live one through', () => {
    const agent = fakeNamespace();
    ctx.sut.watch('agent', agent.namespace);
    const soon = agent.connect('s1', ctx.clock.nowMs() + 1000);
    const passed: string[] = [];
    const run = (s: typeof soon) => s.middlewares[0](['ping'], (err) => passed.push(err ? 'error' : s.id));

    run(soon);
    expect(passed).toEqual(['s1']);
    ctx.clock.advance(1000);
    run(soon);
    expect(passed).toEqual(['s1']); // the event goes no further
    expect(agent.calls).toEqual(['s1 emit session.revoked {"reason":"expired"}', 's1 disconnect true']);
  });

  it('sweeps this instance’s expired sockets on the clock; sockets without expiry (devices) stay', () => {
    const agent = fakeNamespace();
    const device = fakeNamespace();
    ctx.sut.watch('agent', agent.namespace);
    ctx.sut.watch('device', device.namespace);
    agent.connect('early', ctx.clock.nowMs() + 1000);
    agent.connect('late', ctx.clock.nowMs() + 5000);
    device.connect('pc', null);

    expect(ctx.sut.sweepExpired()).toBe(0);
    ctx.clock.advance(2000);
    expect(ctx.sut.sweepExpired()).toBe(1);
    expect(agent.calls).toEqual(['early emit session.revoked {"reason":"expired"}', 'early disconnect true']);
    ctx.clock.advance(1_000_000);
    expect(ctx.sut.sweepExpired()).toBe(1);
    expect(device.calls).toEqual([]);
  });

  it('re-checks technician sockets in one batch: drops ended sessions and changed scopes, keeps the rest', async () => {
    const agent = fakeNamespace();
    ctx.sut.watch('agent', agent.namespace);
    const principal = (id: string, over: Partial<AccountPrincipal> = {}): AccountPrincipal => ({
      kind: 'account',
      id,
      email: `${id}@x`,
      name: id,
      role: 'technician',
      allCompanies: false,
      companyIds: ['c1', 'c2'],
      permissions: [],
      ...over,
    });
    const ref = (id: string) => ({ accountId: id, sessionId: `s-${id}`, sessionVersion: 0 });
    for (const id of ['same', 'ended', 'narrowed'])
      agent.connect(id, null, { principal: principal(id), sessionRef: ref(id) });
    agent.connect('no-ref', null, { principal: principal('no-ref') }); // not a session socket: left alone
    const sessions = ctx.fake(SessionPrincipals);
    sessions.forSessions.mockResolvedValue([
      principal('same', { companyIds: ['c2', 'c1'] }), // same set, other order
      null,
      principal('narrowed', { companyIds: ['c1'] }),
    ]);

    expect(await ctx.sut.revalidate()).toBe(2);

    expect(sessions.forSessions).toHaveBeenCalledWith([ref('same'), ref('ended'), ref('narrowed')]);
    expect(agent.calls).toEqual([
      'ended emit session.revoked {"reason":"revoked"}',
      'ended disconnect true',
      'narrowed emit access.changed {"reconnect":true}',
      'narrowed disconnect true',
    ]);
  });

  it('re-checks when the Redis subscription comes back (revocation notes may have been missed)', async () => {
    const agent = fakeNamespace();
    ctx.sut.watch('agent', agent.namespace);
    agent.connect('gone', null, { principal: {}, sessionRef: { accountId: 'a', sessionId: 's', sessionVersion: 1 } });
    ctx.fake(SessionPrincipals).forSessions.mockResolvedValue([null]);
    ctx.resync();
    await new Promise((r) => setImmediate(r));
    expect(agent.calls).toEqual(['gone emit session.revoked {"reason":"revoked"}', 'gone disconnect true']);
  });
});
