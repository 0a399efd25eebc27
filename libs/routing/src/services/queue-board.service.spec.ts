import { AccountService, Clock } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';
import { QueueBoardService, startOfUtcDay } from './queue-board.service.js';

const now = new Date('2026-03-10T08:30:00.000Z');
const queue = { id: 'q1', name: 'First line', memberIds: ['a1', 'a2', 'gone'] } as never;
const contact = (id: string, state: string, arrivedAt: string, offeredTo: string | null = null) =>
  ({ id, queueId: 'q1', companyId: 'c1', state, arrivedAt: new Date(arrivedAt), offeredTo }) as never;

describe('QueueBoardService', () => {
  const setup = () => {
    const { sut, fake } = newTestService(QueueBoardService);
    fake(Clock).now.mockReturnValue(now);
    fake(QueueRepository).list.mockResolvedValue([queue]);
    fake(RoutingContactRepository).queuedIn.mockResolvedValue([
      contact('k1', 'offered', '2026-03-10T08:28:15.000Z', 'a1'),
      contact('k2', 'waiting', '2026-03-10T08:29:50.400Z'),
    ]);
    fake(RoutingContactRepository).arrivedSince.mockResolvedValue(new Map([['q1', 7]]));
    fake(RoutingContactRepository).leftSince.mockResolvedValue([
      { queueId: 'q1', state: 'accepted', n: 3 },
      { queueId: 'q1', state: 'overflowed', n: 1 },
    ]);
    fake(RoutingContactRepository).averageWaitSince.mockResolvedValue(new Map([['q1', 41.6]]));
    const wrap = (label: string | null, accepted: string | null, opened: string) => ({
      queueId: 'q1',
      reasonLabel: label,
      acceptedAt: accepted ? new Date(accepted) : null,
      openedAt: new Date(opened),
    });
    fake(WrapUpRepository).wrappedSince.mockResolvedValue([
      wrap('Printer fixed', '2026-03-10T08:00:00.000Z', '2026-03-10T08:05:00.000Z'),
      wrap('Password reset', '2026-03-10T08:10:00.000Z', '2026-03-10T08:11:00.000Z'),
      wrap('Printer fixed', null, '2026-03-10T08:12:00.000Z'),
    ] as never);
    fake(AccountService).getMany.mockResolvedValue([
      { id: 'a1', name: 'Ada', availability: 'available' },
      { id: 'a2', name: 'Bob', availability: 'unavailable' },
    ] as never);
    fake(AgentStateRepository).states.mockResolvedValue([
      { id: 'a1', state: 'busy', activeChats: 3, maxChats: 3, stateSince: new Date('2026-03-10T08:00:00.000Z') },
    ] as never);
    fake(ConversationService).listParticipants.mockImplementation(async (id: string) =>
      id === 'k1'
        ? ([
            { kind: 'technician', name: 'Ada' },
            { kind: 'contact', name: 'Jane Doe' },
          ] as never)
        : [],
    );
    return { sut, fake };
  };

  it('"today" starts at 00:00 UTC of the clock', () => {
    expect(startOfUtcDay(new Date('2026-03-10T23:59:59.999Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  it('lists waiting and ringing contacts with their waits, members by state, today since midnight UTC', async () => {
    const { sut, fake } = setup();
    const board = await sut.board();
    expect(fake(RoutingContactRepository).arrivedSince).toHaveBeenCalledWith(
      ['q1'],
      new Date('2026-03-10T00:00:00.000Z'),
    );
    expect(board).toMatchObject({ generatedAt: now.toISOString(), since: '2026-03-10T00:00:00.000Z' });
    const [q] = board.queues;
    expect(q.waiting).toEqual([
      expect.objectContaining({
        conversationId: 'k1',
        companyId: 'c1',
        customerName: 'Jane Doe',
        state: 'offered',
        offeredToName: 'Ada',
        waitSeconds: 105,
      }),
      expect.objectContaining({
        conversationId: 'k2',
        customerName: 'Customer',
        state: 'waiting',
        offeredToName: null,
        waitSeconds: 9,
      }),
    ]);
    // Bob has no state row yet: his pool availability says Not ready. A deleted member is left out.
    expect(q.agents).toEqual([
      {
        accountId: 'a1',
        name: 'Ada',
        state: 'busy',
        activeChats: 3,
        maxChats: 3,
        stateSince: '2026-03-10T08:00:00.000Z',
      },
      { accountId: 'a2', name: 'Bob', state: 'not_ready', activeChats: 0, maxChats: 3, stateSince: now.toISOString() },
    ]);
    // Handle time averages the wrap-ups that know their accept (5 min and 1 min → 180 s); reasons most used first.
    expect(q.today).toEqual({
      arrived: 7,
      accepted: 3,
      overflowed: 1,
      withdrawn: 0,
      averageWaitSeconds: 42,
      averageHandleSeconds: 180,
      wrapUpReasons: [
        { label: 'Printer fixed', count: 2 },
        { label: 'Password reset', count: 1 },
      ],
    });
  });

  it('a queue with no contact accepted today has no average wait', async () => {
    const { sut, fake } = setup();
    fake(RoutingContactRepository).averageWaitSince.mockResolvedValue(new Map());
    fake(RoutingContactRepository).arrivedSince.mockResolvedValue(new Map());
    fake(WrapUpRepository).wrappedSince.mockResolvedValue([]);
    expect((await sut.board()).queues[0].today).toMatchObject({
      arrived: 0,
      averageWaitSeconds: null,
      averageHandleSeconds: null,
      wrapUpReasons: [],
    });
  });
});
