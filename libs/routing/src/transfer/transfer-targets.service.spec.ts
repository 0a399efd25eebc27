import { TechnicianDirectory, type AccountPrincipal } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { AgentStateRepository } from '../repositories/agent-state.repository';
import { QueueRepository } from '../repositories/queue.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { ContactTransferCheck } from './contact-transfer-check.service';
import { TransferTargetsService } from './transfer-targets.service';

const me = { id: 'a1', name: 'Ada', role: 'technician' } as AccountPrincipal;

describe('TransferTargetsService', () => {
  function setup() {
    const t = newTestService(TransferTargetsService);
    t.fake(ContactTransferCheck).held.mockResolvedValue({ contact: { id: 'c1', companyId: 'co1' } } as never);
    t.fake(QueueRepository).list.mockResolvedValue([
      { id: 'q2', name: 'Sales', companyIds: ['co1'] },
      { id: 'q1', name: 'billing', companyIds: ['co1', 'co2'] },
      { id: 'q3', name: 'Other', companyIds: ['co2'] },
    ] as never);
    t.fake(RoutingContactRepository).queuedCounts.mockImplementation(
      async (ids) => new Map(ids.filter((id) => id === 'q1').map((id) => [id, 2])),
    );
    t.fake(TechnicianDirectory).list.mockResolvedValue([
      { id: 'a1', name: 'Ada' },
      { id: 'a3', name: 'Zoe' },
      { id: 'a2', name: 'Bob' },
      { id: 'a4', name: 'Cy' },
      { id: 'a5', name: 'Dee' },
    ] as never);
    t.fake(AgentStateRepository).states.mockResolvedValue([
      { id: 'a3', state: 'available', activeChats: 1, maxChats: 3 },
      { id: 'a2', state: 'available', activeChats: 0, maxChats: 3 },
      { id: 'a4', state: 'available', activeChats: 3, maxChats: 3 },
      { id: 'a5', state: 'not_ready', activeChats: 0, maxChats: 3 },
    ] as never);
    return t;
  }

  it('queues of the company with their waiting count, Available agents with a slot but me, by name', async () => {
    const { sut } = setup();
    expect(await sut.list('c1', me)).toEqual({
      queues: [
        { id: 'q1', name: 'billing', waiting: 2 },
        { id: 'q2', name: 'Sales', waiting: 0 },
      ],
      agents: [
        { id: 'a2', name: 'Bob', state: 'available', activeChats: 0, maxChats: 3 },
        { id: 'a3', name: 'Zoe', state: 'available', activeChats: 1, maxChats: 3 },
      ],
    });
  });

  it('q filters both lists, case-insensitively', async () => {
    const { sut } = setup();
    expect(await sut.list('c1', me, ' BIL ')).toEqual({
      queues: [{ id: 'q1', name: 'billing', waiting: 2 }],
      agents: [],
    });
    expect((await sut.list('c1', me, 'zo')).agents.map((a) => a.id)).toEqual(['a3']);
  });

  it('only the accepting agent (the check refuses the others)', async () => {
    const { sut, fake } = setup();
    fake(ContactTransferCheck).held.mockRejectedValue(Object.assign(new Error('no'), { status: 403 }));
    await expect(sut.list('c1', me)).rejects.toMatchObject({ status: 403 });
  });
});
