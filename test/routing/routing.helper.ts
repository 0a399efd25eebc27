// Shared setup of the routing e2e specs (#14): technician agents with a token and an /agent socket,
// their agent state, queues and queue-routed portals, all through the real API. One copy, so the
// specs differ only in what they check (each keeps a thin local wrapper where it adds a twist).
import { AccountService, FakeClock } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import {
  auth,
  createCompanyWithPortal,
  createPortalApp,
  LIVECHAT_PLUGIN,
  uniqueName,
} from '../portal/portal-helpers.js';

/** The states an agent chooses (busy and RONA belong to the system). */
export type AgentChoice = 'available' | 'not_ready';

export interface RoutingAgent {
  id: string;
  name: string;
  token: string;
  socket: Socket;
}

export interface QueueCreated {
  id: string;
  name: string;
}

/** A technician account named `name`, with a unique e-mail address. */
export function createTechnician(t: TestApp, name: string) {
  return t.get(AccountService).create({
    name,
    email: `${uniqueName(name)}@agents.example`,
    password: 'Correct-Horse-9-Battery',
    role: 'technician',
  });
}

/** PUT /api/me/agent-state as the account of `token`. */
export function setAgentState(t: TestApp, token: string, state: AgentChoice) {
  return t.http().put('/api/me/agent-state').set(auth(token)).send({ state }).expect(200);
}

/**
 * A technician with a token and a connected /agent socket, pushed on `sockets` for the spec's afterAll
 * to disconnect. `on`: the instance the token, the socket and the state change go to (two-instance
 * specs; the account itself is created through `t`). `state`: set once the socket is connected;
 * without it the agent stays Not ready.
 */
export async function connectAgent(
  t: TestApp,
  name: string,
  sockets: Socket[],
  options: { on?: TestApp; state?: AgentChoice } = {},
): Promise<RoutingAgent> {
  const app = options.on ?? t;
  const { id } = await createTechnician(t, name);
  const token = app.tokenFor(id);
  const socket = await app.socket('/agent', { token });
  sockets.push(socket);
  if (options.state) await setAgentState(app, token, options.state);
  return { id, name, token, socket };
}

/**
 * POST /api/queues (as the admin): a queue serving one company, its members by id, named `prefix`
 * plus a unique tail; any other field (offerTimeoutSeconds, maxWaitSeconds…) is sent as it is.
 */
export async function createQueue(
  t: TestApp,
  companyId: string,
  members: readonly { id: string }[],
  options: { prefix?: string } & Record<string, unknown> = {},
): Promise<QueueCreated> {
  const { prefix = 'Queue ', ...fields } = options;
  return (
    await t
      .http()
      .post('/api/queues')
      .set(auth(t.adminToken))
      .send({ name: uniqueName(prefix), companyIds: [companyId], memberIds: members.map((m) => m.id), ...fields })
      .expect(201)
  ).body;
}

/** PATCH the portal (as the admin) to route its chats to the queue. */
export async function routeToQueue(t: TestApp, portalId: string, queueId: string): Promise<void> {
  await t
    .http()
    .patch(`/api/portals/${portalId}`)
    .set(auth(t.adminToken))
    .send({ routing: 'queue', queueId })
    .expect(200);
}

/** A company and its active portal, routed to a new queue of `members` (options as createQueue's). */
export async function createQueuePortal(
  t: TestApp,
  members: readonly { id: string }[],
  options: { prefix?: string } & Record<string, unknown> = {},
) {
  const { company, portal, subdomain } = await createCompanyWithPortal(t);
  const queue = await createQueue(t, company.id, members, options);
  await routeToQueue(t, portal.id, queue.id);
  return { company, portal, subdomain, queue };
}

/**
 * Two API instances behind a load balancer, as the race specs run them: one fake clock, one database
 * (B joins A's, unseeded), Redis carrying the socket events between them; instance ids `<prefix>-a`
 * and `<prefix>-b`. Should B fail to start, A is closed before the error goes on.
 */
export async function createTwoInstances(prefix: string): Promise<[TestApp, TestApp]> {
  const clock = new FakeClock();
  const redis = true;
  const a = await createPortalApp({ clock, instanceId: `${prefix}-a`, redis });
  try {
    const b = await createTestApp({
      plugins: [LIVECHAT_PLUGIN],
      clock,
      database: a.database,
      seed: false,
      instanceId: `${prefix}-b`,
      redis,
    });
    return [a, b];
  } catch (error) {
    await a.close();
    throw error;
  }
}
