import fc from 'fast-check';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { AGENT_CHAT_PLUGIN, seedDevice } from '../agent-chat/agent-chat.helpers';
import { createCompanyWithPortal, LIVECHAT_PLUGIN, startChat } from '../portal/portal-helpers';

/**
 * #13.10 fuzz: every HTTP route the app registers (read from its express router, so a new route is
 * fuzzed without touching this file; parameter and body field names from /api/docs-json) and every
 * @SubscribeMessage event of every gateway (read from Nest's metadata), as an admin and as nobody.
 * Asserts no 5xx, the socket stays up, and no rows change when the answer is a 4xx (no half-written
 * rows). Fixed seed (FUZZ_SEED to vary it); fast-check prints the seed and the shrunk case on failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 1313);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);
const RUNS_PER_EVENT = Number(process.env.FUZZ_EVENT_RUNS ?? 20);
/** Not fuzzed: the docs UI (static files) and the web UI's catch-all. */
const SKIP = [/^\/api\/docs/, /^\/\{\*path\}$/];
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
/** Tables a 4xx may legitimately write: a refused sign-in counts towards the lockout (#13.8). */
const WRITES_ON_4XX = new Set<string>(['login_attempts']);

interface Route {
  method: string;
  path: string;
  params: string[];
  query: string[];
  body: string[];
}

/** Strings that broke things before: NUL, lone surrogates, huge numbers, path tricks, SQL and JSON. */
const NASTY = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '..',
  '%',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '99999999999',
  '2147483648',
  "' OR 1=1 --",
  '{"a":1}',
  '[]',
  'null',
  'true',
  ' ',
  '',
  '😀',
  'ＡＢＣ',
  '\r\n',
  'a'.repeat(5000),
];

const encodeSegment = (value: string): string => {
  try {
    return encodeURIComponent(value) || '%20';
  } catch {
    return '%ED%A0%80'; // a lone surrogate, UTF-8 encoded the only way it can be
  }
};

describe('#13.10 fuzz: no 5xx and no half-written rows on any route or socket event', () => {
  jest.setTimeout(240_000);
  let t: TestApp;
  let pool: string[];
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await createTestApp({ plugins: [LIVECHAT_PLUGIN, AGENT_CHAT_PLUGIN] });
    const { company, contact, device, token: deviceToken } = await seedDevice(t);
    const { portal, subdomain } = await createCompanyWithPortal(t);
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    const ticket = (
      await t
        .http()
        .post('/api/tickets')
        .set(admin)
        .send({ title: 'Fuzz me', description: 'seed ticket', requesterId: contact.id })
        .expect(201)
    ).body;
    const chat = await startChat(t, subdomain);
    deviceTokenOf = deviceToken;
    ticketNumber = ticket.number;
    visitorTokenOf = chat.token;
    pool = [
      company.id,
      contact.id,
      device.id,
      portal.id,
      subdomain,
      chat.caseId,
      chat.conversationId,
      t.technician.id,
      String(ticket.number),
      'tickets.defaultPriority',
      'open',
      'ticket.created',
      '0190a0a0-0000-7000-8000-000000000000',
    ];

    const ds = t.get(DataSource);
    const sqlite = t.config.driver !== 'postgres';
    const tables: string[] = (
      await ds.query(
        sqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
      )
    )
      .map((r: { name: string }) => r.name)
      .filter((name: string) => name !== 'migrations' && !WRITES_ON_4XX.has(name));
    const sql = tables.map((name) => `SELECT '${name}' AS name, COUNT(*) AS n FROM "${name}"`).join(' UNION ALL ');
    countRows = async () =>
      Object.fromEntries((await ds.query(sql)).map((r: { name: string; n: string | number }) => [r.name, Number(r.n)]));
  });
  afterAll(() => t?.close());

  /** Each route and event gets its own seed (SEED + its position), else all would draw the same cases. */
  let seedOffset = 0;
  let deviceTokenOf = '';
  let ticketNumber = 1;
  let visitorTokenOf = '';

  /** Every registered route, with the query and body field names the OpenAPI document gives it. */
  async function routes(): Promise<Route[]> {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, any>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const express = t.app.getHttpAdapter().getInstance();
    const stack: any[] = (express.router ?? express._router).stack;
    const seen = new Set<string>();
    const out: Route[] = [];
    for (const layer of stack) {
      if (!layer.route) continue;
      const path: string = layer.route.path;
      if (SKIP.some((re) => re.test(path))) continue;
      for (const method of Object.keys(layer.route.methods)) {
        if (seen.has(`${method} ${path}`)) continue;
        seen.add(`${method} ${path}`);
        const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method];
        const query = (op?.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name as string);
        const ref: string | undefined = Object.values(op?.requestBody?.content ?? {}).map(
          (c: any) => c.schema?.$ref,
        )[0];
        const body = ref ? Object.keys(doc.components.schemas[ref.split('/').pop()!]?.properties ?? {}) : [];
        out.push({ method, path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]), query, body });
      }
    }
    return out;
  }

  const scalar = () =>
    fc.oneof(
      fc.constantFrom(...pool),
      fc.constantFrom(...NASTY),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.uuid(),
    );
  const value = () =>
    fc.oneof(
      { weight: 4, arbitrary: scalar() },
      { weight: 1, arbitrary: fc.array(scalar(), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 33, max: 300 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d))) },
    );
  const plausible = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pool) },
      { weight: 1, arbitrary: fc.constantFrom(0, 1, 5, ticketNumber) },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  const bodyOf = (fields: string[]) =>
    fc.oneof(
      { weight: 3, arbitrary: fields.length ? fc.dictionary(fc.constantFrom(...fields), value()) : fc.constant({}) },
      {
        weight: 2,
        arbitrary: fields.length ? fc.dictionary(fc.constantFrom(...fields), plausible()) : fc.constant({}),
      },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), value(), { maxKeys: 4 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    );

  it('#13.10 every HTTP route, as an admin and as nobody', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(100);
    let previousWrote = false;
    const statuses: Record<string, number> = {};
    for (const route of all) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<'admin' | 'nobody'>('admin', 'nobody'),
          fc.tuple(...route.params.map(() => scalar().map(String))),
          fc.dictionary(fc.constantFrom(...route.query, 'q', 'x'), scalar().map(String), { maxKeys: 3 }),
          bodyOf(route.body),
          async (who, params, query, body) => {
            // The admin signing itself out or editing its own account would end the rest of the run.
            if (who === 'admin' && route.path === '/api/auth/logout') return;
            let url = route.path;
            route.params.forEach((name, i) => {
              const v = params[i] === t.admin.id ? t.technician.id : params[i];
              url = url.replace(`:${name}`, encodeSegment(v));
            });
            const qs = Object.entries(query)
              .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`)
              .join('&');
            const mutating = MUTATING.has(route.method);
            if (mutating && previousWrote) await settle();
            const before = mutating ? await countRows() : undefined;
            let req = (t.http() as any)[route.method](qs ? `${url}?${qs}` : url);
            if (who === 'admin') req = req.set('Authorization', `Bearer ${t.adminToken}`);
            if (mutating) req = req.set('content-type', 'application/json').send(safeJson(body));
            const res = await req;
            statuses[`${who} ${res.status}`] = (statuses[`${who} ${res.status}`] ?? 0) + 1;
            const where = `${route.method.toUpperCase()} ${url}${qs ? `?${qs}` : ''} as ${who} -> ${res.status}`;
            if (res.status >= 500) throw new Error(`${where}: ${JSON.stringify(res.body).slice(0, 500)}`);
            previousWrote = mutating && res.status < 400;
            if (before && res.status >= 400) {
              const after = await countRows();
              const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
              if (changed.length) throw new Error(`${where}: rows changed in ${changed.join(', ')} after a 4xx`);
            }
          },
        ),
        { seed: SEED + ++seedOffset, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    if (process.env.FUZZ_STATS) process.stdout.write(`HTTP statuses: ${JSON.stringify(statuses)}\n`);
    expect((await t.http().get('/health')).status).toBe(200);
  });

  /** Waits until asynchronous writes of the previous success (events, notifications) are done. */
  async function settle(): Promise<void> {
    let last = JSON.stringify(await countRows());
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const now = JSON.stringify(await countRows());
      if (now === last) return;
      last = now;
    }
  }

  /** JSON text of any fast-check value (fc.anything may produce -0, undefined, sparse arrays...). */
  function safeJson(value: unknown): string {
    try {
      return JSON.stringify(value) ?? 'null';
    } catch {
      return 'null';
    }
  }

  let packetId = 9000;
  /** One socket.io EVENT packet written to the engine as text; resolves with the ack's payload, or undefined. */
  function rawEmit(socket: Socket, namespace: string, event: string, json: string): Promise<any> {
    const id = ++packetId;
    const prefix = `3${namespace},${id}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(undefined), 1500);
      const onData = (data: unknown) => {
        if (typeof data === 'string' && data.startsWith(prefix)) done(JSON.parse(data.slice(prefix.length))[0]);
      };
      const done = (value: unknown) => {
        clearTimeout(timer);
        socket.io.engine.off('message', onData);
        resolve(value);
      };
      socket.io.engine.on('message', onData);
      socket.io.engine.write(`2${namespace},${id}${JSON.stringify([event]).slice(0, -1)},${json}]`);
    });
  }

  /** The @SubscribeMessage events per namespace, from the gateways' metadata. */
  function gatewayEvents(): Map<string, Array<{ name: string; fields: string[] }>> {
    const out = new Map<string, Array<{ name: string; fields: string[] }>>();
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const type = wrapper.metatype as (new (...a: never[]) => unknown) | undefined;
        if (!type || typeof type !== 'function' || !Reflect.getMetadata('websockets:is_gateway', type)) continue;
        const namespace = (Reflect.getMetadata('websockets:gateway_options', type) ?? {}).namespace ?? '/';
        const events = out.get(namespace) ?? [];
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = type.prototype[name];
          const message = typeof handler === 'function' ? Reflect.getMetadata('message', handler) : undefined;
          if (typeof message !== 'string' || events.some((e) => e.name === message)) continue;
          // The payload DTO's fields (class-validator metadata of the @MessageBody parameter type).
          const types: unknown[] = Reflect.getMetadata('design:paramtypes', type.prototype, name) ?? [];
          const fields = types.flatMap((dto) =>
            typeof dto === 'function'
              ? getMetadataStorage()
                  .getTargetValidationMetadatas(dto, '', false, false)
                  .map((m) => m.propertyName)
              : [],
          );
          events.push({ name: message, fields: [...new Set(fields)] });
        }
        out.set(namespace, events);
      }
    }
    return out;
  }

  it('#13.10 every socket event on /agent, /device and /portal; no handshake without credentials', async () => {
    const events = gatewayEvents();
    expect([...events.keys()].sort()).toEqual(['/agent', '/device', '/portal']);
    const tokens: Record<string, string> = {
      '/agent': t.adminToken,
      '/device': deviceTokenOf,
      '/portal': visitorTokenOf,
    };
    const FIELDS = [
      'conversationId',
      'chatId',
      'caseId',
      'number',
      'body',
      'text',
      'clientId',
      'typing',
      'available',
      'afterSeq',
      'code',
      'email',
      'reason',
    ];
    const acks: Record<string, number> = {};
    // A fuzzed call may end a session for good (the visitor's chat ended, the device's token
    // rotated or its device deleted by an earlier route): legitimate outcomes, not failures. The
    // client then comes back with a new chat, or a newly enrolled device.
    const reconnect = async (ns: '/agent' | '/device' | '/portal'): Promise<Socket> => {
      try {
        return await t.socket(ns, { token: tokens[ns] });
      } catch (error) {
        if (ns === '/agent') throw new Error(`${ns}: ${(error as Error).message}`, { cause: error });
        if (ns === '/device') tokens[ns] = (await seedDevice(t)).token;
        else tokens[ns] = (await startChat(t, (await createCompanyWithPortal(t)).subdomain)).token;
        return t.socket(ns, { token: tokens[ns] });
      }
    };
    for (const [namespace, names] of events) {
      const ns = namespace as '/agent' | '/device' | '/portal';
      // As nobody: refused at the handshake, nothing else.
      await expect(t.socket(ns)).rejects.toThrow();
      let socket: Socket = await reconnect(ns);
      try {
        for (const { name: event, fields } of names) {
          const seed = SEED + ++seedOffset;
          // Deeper than the client's own encoder can go: the packet written by hand.
          const deep = await rawEmit(socket, namespace, event, `{"body":${'['.repeat(5000)}${']'.repeat(5000)}}`);
          if (deep?.error?.statusCode >= 500)
            throw new Error(`${namespace} ${event} 5,000-deep: ${JSON.stringify(deep)}`);
          if (!socket.connected) socket = await reconnect(ns);
          await fc.assert(
            fc.asyncProperty(
              fc.oneof(
                // Mostly plausible values (real ids, small numbers, booleans) so handlers get past validation.
                {
                  weight: 3,
                  arbitrary: fields.length
                    ? fc.dictionary(fc.constantFrom(...fields), plausible(), { maxKeys: 5 })
                    : fc.constant({}),
                },
                { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...fields, ...FIELDS), value(), { maxKeys: 4 }) },
                { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
              ),
              async (payload) => {
                if (!socket.connected) socket = await reconnect(ns);
                await settle();
                const before = await countRows();
                let ack: any;
                try {
                  ack = await socket.timeout(1500).emitWithAck(event, JSON.parse(safeJson(payload)));
                } catch {
                  ack = undefined; // handlers without a reply (e.g. typing) time out: not an error
                }
                const where = `${namespace} ${event} ${safeJson(payload).slice(0, 200)}`;
                acks[`${event} ${ack === undefined ? 'none' : ack.ok ? 'ok' : ack.error?.statusCode}`] =
                  (acks[`${event} ${ack === undefined ? 'none' : ack.ok ? 'ok' : ack.error?.statusCode}`] ?? 0) + 1;
                if (ack?.error?.statusCode >= 500) throw new Error(`${where}: ${JSON.stringify(ack.error)}`);
                if (ack?.ok === false) {
                  const after = await countRows();
                  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
                  if (changed.length) throw new Error(`${where}: rows changed in ${changed.join(', ')} after a 4xx`);
                }
              },
            ),
            { seed, numRuns: RUNS_PER_EVENT, endOnFailure: true },
          );
        }
      } finally {
        socket.close();
      }
    }
    if (process.env.FUZZ_STATS) process.stdout.write(`socket acks: ${JSON.stringify(acks)}\n`);
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
