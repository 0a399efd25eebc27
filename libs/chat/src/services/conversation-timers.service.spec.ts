import { DeadlineScheduler, type TimerDefinition, type Tx } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ConversationTimers } from './conversation-timers.service.js';

const tx = { manager: {} } as unknown as Tx;
const row = (id: string) =>
  Object.assign(new ConversationEntity(), {
    id,
    companyId: 'co',
    channel: 'agent',
    status: 'waiting',
    meta: {},
    lastSeq: 0,
    createdAt: new Date(0),
  });

describe('ConversationTimers', () => {
  function build() {
    const t = newTestService(ConversationTimers);
    const defined: TimerDefinition[] = [];
    t.fake(DeadlineScheduler).define.mockImplementation((d: TimerDefinition) => {
      defined.push(d);
      return { kind: d.kind, schedule: jest.fn(), cancel: jest.fn() } as never;
    });
    return { ...t, defined };
  }

  it('a firing loads the conversation once and hands the view to the handler', async () => {
    const { sut, fake, defined } = build();
    const seen: unknown[] = [];
    sut.define('k', async (c) => void seen.push(c));
    fake(ConversationRepository).findById.mockResolvedValue(row('c1'));
    await defined[0].process({
      id: 'd',
      kind: 'k',
      key: 'k:c1',
      payload: { conversationId: 'c1' },
      dueAt: new Date(0),
      attempt: 1,
    });
    expect(fake(ConversationRepository).findById).toHaveBeenCalledTimes(1);
    expect(fake(ConversationRepository).findById).toHaveBeenCalledWith('c1');
    expect(seen).toEqual([expect.objectContaining({ id: 'c1', status: 'waiting', channel: 'agent' })]);
  });

  it('hands null to the handler when the conversation is gone (purged)', async () => {
    const { sut, fake, defined } = build();
    const seen: unknown[] = [];
    sut.define('k', async (c) => void seen.push(c));
    fake(ConversationRepository).findById.mockResolvedValue(null);
    await defined[0].process({
      id: 'd',
      kind: 'k',
      key: 'k:x',
      payload: { conversationId: 'x' },
      dueAt: new Date(0),
      attempt: 1,
    });
    expect(seen).toEqual([null]);
  });

  it('arms each deadline keyed <kind>:<conversation> inside the caller transaction', async () => {
    const { sut, fake } = build();
    fake(DeadlineScheduler).schedule.mockResolvedValue('id');
    await sut.arm(
      'c1',
      [
        { kind: 'a', dueAt: new Date(10) },
        { kind: 'b', dueAt: new Date(20), payload: { x: 1 } },
      ],
      tx,
    );
    expect(fake(DeadlineScheduler).schedule.mock.calls).toEqual([
      [{ kind: 'a', key: 'a:c1', dueAt: new Date(10), payload: { conversationId: 'c1' } }, tx],
      [{ kind: 'b', key: 'b:c1', dueAt: new Date(20), payload: { x: 1, conversationId: 'c1' } }, tx],
    ]);
  });

  it('cancelAll cancels every defined kind of the conversation in one call, in the transaction', async () => {
    const { sut, fake } = build();
    sut.define('one', async () => undefined);
    sut.define('two', async () => undefined);
    fake(DeadlineScheduler).cancelMany.mockResolvedValue(2);
    await sut.cancelAll('c9', tx);
    expect(fake(DeadlineScheduler).cancelMany).toHaveBeenCalledTimes(1);
    expect(fake(DeadlineScheduler).cancelMany).toHaveBeenCalledWith(['one:c9', 'two:c9'], tx);
  });
});
