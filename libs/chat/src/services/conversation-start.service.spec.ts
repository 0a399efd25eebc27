import { Clock, DomainEventBus, FakeClock, PiiMasker, type Tx } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { ConversationStartService } from './conversation-start.service.js';
import { ConversationTimers } from './conversation-timers.service.js';

const NOW = Date.UTC(2026, 0, 1);
const tx = { manager: 'tx' } as unknown as Tx;

describe('ConversationStartService', () => {
  function build() {
    const t = newTestService(ConversationStartService, { types: [[Clock, new FakeClock(NOW)]] });
    const order: string[] = [];
    t.fake(ConversationRepository).runInTransaction.mockImplementation((async (work: (tx: Tx) => Promise<unknown>) => {
      order.push('begin');
      const out = await work(tx);
      order.push('commit');
      return out;
    }) as never);
    t.fake(ConversationRepository).insert.mockImplementation(async (e: never, given?: Tx) => {
      order.push(`conversation ${given === tx}`);
      return e;
    });
    t.fake(ParticipantRepository).insertMany.mockImplementation(async (rows: unknown[], given?: Tx) => {
      order.push(`participants ${rows.length} ${given === tx}`);
    });
    t.fake(ConversationTimers).arm.mockImplementation(async (_id: string, ds: unknown[], given?: Tx) => {
      order.push(`deadlines ${ds.length} ${given === tx}`);
    });
    t.fake(PiiMasker).maskInbound.mockImplementation(((s: string | null) =>
      s === null ? null : s.replace(/\d/g, '#')) as never);
    t.fake(DomainEventBus).publish.mockImplementation(async (name: string) => void order.push(`event ${name}`));
    return { ...t, order };
  }

  it('writes conversation, participants and deadlines in one transaction, then announces the start', async () => {
    const { sut, order, fake } = build();
    const dueAt = new Date(NOW + 120_000);
    const view = await sut.start({
      companyId: 'co',
      channel: 'agent',
      subject: 'call 0612',
      participants: [{ kind: 'technician', refId: 'a1', name: 'Ada' }],
      deadlines: [{ kind: 'agent-chat.accept', dueAt }],
    });
    expect(order).toEqual([
      'begin',
      'conversation true',
      'participants 1 true',
      'deadlines 1 true',
      'commit',
      'event conversation.started',
    ]);
    expect(view).toMatchObject({ status: 'waiting', channel: 'agent', subject: 'call ####' });
    expect(fake(ConversationTimers).arm).toHaveBeenCalledWith(view.id, [{ kind: 'agent-chat.accept', dueAt }], tx);
  });

  it('a failing deadline write fails the start and nothing is announced', async () => {
    const { sut, order, fake } = build();
    fake(ConversationTimers).arm.mockRejectedValue(new Error('deadline insert refused'));
    await expect(
      sut.start({ companyId: 'co', channel: 'portal', deadlines: [{ kind: 'portal.abandon', dueAt: new Date(NOW) }] }),
    ).rejects.toThrow('deadline insert refused');
    expect(order).not.toContain('commit');
    expect(order).not.toContain('event conversation.started');
  });
});
