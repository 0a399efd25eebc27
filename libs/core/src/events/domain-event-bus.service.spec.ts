import { Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEventBus } from './domain-event-bus.service.js';

const payload = {
  conversationId: 'c1',
  companyId: 'co',
  channel: 'portal',
  messageId: 'm1',
  seq: 1,
  kind: 'text',
  authorKind: 'contact',
  body: 'hi',
} as const;

describe('DomainEventBus', () => {
  let bus: DomainEventBus;
  let errors: unknown[];
  beforeEach(() => {
    bus = new DomainEventBus(new EventEmitter2());
    errors = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void errors.push(args[0]));
  });
  afterEach(() => jest.restoreAllMocks());

  it('calls sync, async and catch-all subscribers and resolves when the async ones have finished', async () => {
    const seen: string[] = [];
    let release!: () => void;
    bus.subscribe('conversation.message.created', (e) => void seen.push(`sync ${e.messageId}`));
    bus.subscribe('conversation.message.created', async (e) => {
      await new Promise<void>((r) => (release = r));
      seen.push(`async ${e.messageId}`);
    });
    bus.subscribe('*', (_e, name) => void seen.push(`any ${name}`));
    let settled = false;
    const published = bus.publish('conversation.message.created', payload as never).then(() => (settled = true));
    expect(seen).toEqual(['sync m1', 'any conversation.message.created']);
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    release();
    await published;
    expect(seen).toEqual(['sync m1', 'any conversation.message.created', 'async m1']);
  });

  it('logs a failing subscriber (thrown or rejected) and still runs the others and resolves', async () => {
    const seen: string[] = [];
    bus.subscribe('conversation.message.created', () => {
      throw new Error('sync boom');
    });
    bus.subscribe('conversation.message.created', async () => {
      throw new Error('async boom');
    });
    bus.subscribe('conversation.message.created', () => void seen.push('ran'));
    await expect(bus.publish('conversation.message.created', payload as never)).resolves.toBeUndefined();
    expect(seen).toEqual(['ran']);
    expect(errors).toEqual([
      expect.objectContaining({ err: expect.objectContaining({ message: 'sync boom' }) }),
      expect.objectContaining({ err: expect.objectContaining({ message: 'async boom' }) }),
    ]);
  });

  it('stops calling a subscriber after unsubscribe', async () => {
    let calls = 0;
    const off = bus.subscribe('conversation.message.created', () => void calls++);
    await bus.publish('conversation.message.created', payload as never);
    off();
    await bus.publish('conversation.message.created', payload as never);
    expect(calls).toBe(1);
  });

  it('lets running subscribers finish before shutdown completes', async () => {
    let finished = false;
    bus.subscribe('conversation.message.created', async () => {
      await new Promise((r) => setTimeout(r, 30));
      finished = true;
    });
    void bus.publish('conversation.message.created', payload as never);
    await bus.beforeApplicationShutdown();
    expect(finished).toBe(true);
  });
});
