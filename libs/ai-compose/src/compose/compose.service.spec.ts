import {
  afterFailure,
  AiProviderRegistry,
  FakeClock,
  type AccountPrincipal,
  type AccountService,
  type AttemptState,
  type LoginAttemptStore,
  type PiiMasker,
  type PiiMaskingRegistry,
} from '@switchboard/core';
import { AiProviderError, type ComposeContext } from '@switchboard/plugin-sdk';
import type { TicketCommentQueryService } from '@switchboard/tickets';
import { ComposeService } from './compose.service.js';

const me: AccountPrincipal = {
  kind: 'account',
  id: 'tech-1',
  email: 't@x',
  name: 'Tom Tech',
  role: 'technician',
  allCompanies: true,
  companyIds: [],
};

/** A store with the real lock arithmetic, in memory (the Redis and database stores share `afterFailure`). */
function memoryStore(): LoginAttemptStore {
  const states = new Map<string, AttemptState>();
  return {
    lockedUntil: async (keys: string[], now: number) =>
      Math.max(0, ...keys.map((k) => states.get(k)?.lockedUntilMs ?? 0).filter((u) => u > now)),
    recordFailure: async (key: string, now: number, rule) => {
      const next = afterFailure(states.get(key) ?? null, now, rule);
      states.set(key, next);
      return next;
    },
    clear: async (key: string) => void states.delete(key),
  } as LoginAttemptStore;
}

function setup(signature: string | null = null) {
  const providers = new AiProviderRegistry();
  const tickets = {
    latestPublic: jest.fn(async () => ({
      ticket: { number: 5, title: 'Refund', companyId: 'c1', requester: { firstName: 'Ann' } },
      comments: [
        { author: { kind: 'contact', name: 'Ann' }, body: 'Refund card 4111 1111 1111 1111 please', createdAt: 't1' },
        { author: { kind: 'system', name: 'System' }, body: 'Ann joined', createdAt: 't2' },
      ],
    })),
  } as unknown as TicketCommentQueryService;
  const masker = { maskText: (v: string) => v.replace(/\d(?=[\d ]{4})/g, '*') } as unknown as PiiMasker;
  const engines = {
    current: {
      detect: (text: string) => {
        const at = text.indexOf('4111 1111 1111 1111');
        return at < 0 ? [] : [{ type: 'CREDIT_CARD', start: at, end: at + 19 }];
      },
    },
  } as unknown as PiiMaskingRegistry;
  const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
  const accounts = { get: async () => ({ signature }) } as unknown as AccountService;
  const service = new ComposeService(providers, tickets, masker, engines, memoryStore(), clock, accounts);
  return { providers, service, clock };
}

describe('ComposeService', () => {
  it('refuses with 409 when no provider, and 400 for a rewrite without text', async () => {
    const { providers, service } = setup();
    await expect(service.prepare(5, { action: 'generate' }, me)).rejects.toMatchObject({
      code: 'AI_COMPOSE_UNAVAILABLE',
      status: 409,
    });
    providers.use('compose', 'p', { generate: async () => 'x', rewrite: async () => 'y' });
    await expect(service.prepare(5, { action: 'formal', text: '  ' }, me)).rejects.toMatchObject({
      code: 'AI_COMPOSE_TEXT_REQUIRED',
      status: 400,
    });
  });

  it('hands the provider placeholders only (no system lines), and restores them as the technician sees them', async () => {
    const { providers, service } = setup();
    let seen: ComposeContext | undefined;
    providers.use('compose', 'p', {
      generate: async (context) => ((seen = context), 'We refund [CARD-1].'),
      rewrite: async () => '',
    });
    const text = await (await service.prepare(5, { action: 'generate' }, me)).run();
    expect(seen!.conversation).toEqual([
      { from: 'end_user', name: 'Ann', text: 'Refund card [CARD-1] please', at: 't1' },
    ]);
    expect(seen!.technician).toEqual({ name: 'Tom Tech', signature: null });
    expect(text).toBe('We refund **** **** **** 1111.');
  });

  it("passes the technician's signature, masked like the rest of the prompt", async () => {
    const { providers, service } = setup('Tom Tech\nCard desk: 4111 1111 1111 1111');
    let seen: ComposeContext | undefined;
    providers.use('compose', 'p', { generate: async (context) => ((seen = context), 'ok'), rewrite: async () => '' });
    await (await service.prepare(5, { action: 'generate' }, me)).run();
    expect(seen!.technician).toEqual({ name: 'Tom Tech', signature: 'Tom Tech\nCard desk: [CARD-1]' });
  });

  it('translates provider failures and keeps a rate limit per technician on the clock', async () => {
    const { providers, service, clock } = setup();
    providers.use('compose', 'p', {
      generate: async () => {
        throw new AiProviderError('quota', 'slow down');
      },
      rewrite: async () => '',
    });
    await expect((await service.prepare(5, { action: 'generate' }, me)).run()).rejects.toMatchObject({
      code: 'AI_PROVIDER_QUOTA',
      status: 429,
    });
    for (let i = 1; i < 20; i++) await service.prepare(5, { action: 'generate' }, me);
    await expect(service.prepare(5, { action: 'generate' }, me)).rejects.toMatchObject({
      code: 'AI_COMPOSE_RATE_LIMITED',
      status: 429,
    });
    clock.advance(60_000);
    await expect(service.prepare(5, { action: 'generate' }, me)).resolves.toBeDefined();
  });
});
