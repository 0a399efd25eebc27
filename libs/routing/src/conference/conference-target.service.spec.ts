import { TechnicianDirectory, type AccountPrincipal } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { AgentStateRepository } from '../repositories/agent-state.repository';
import { ConferenceChatGuard } from './conference-chat.guard';
import { ConferenceTargetService } from './conference-target.service';

const me = { id: 'a1', name: 'Ada' } as AccountPrincipal;
const person = (id: string, name: string) => ({
  id,
  name,
  email: `${id}@x.test`,
  role: 'technician',
  availability: 'available',
});
const state = (id: string, s: string, activeChats: number) => ({ id, state: s, activeChats, maxChats: 3 });

describe('ConferenceTargetService', () => {
  function setup() {
    const t = newTestService(ConferenceTargetService);
    t.fake(ConferenceChatGuard).heldChat.mockResolvedValue({ contact: { companyId: 'co1' }, queue: {} } as never);
    t.fake(TechnicianDirectory).list.mockResolvedValue([
      person('a1', 'Ada'),
      person('b1', 'Bob'),
      person('c1', 'Cy'),
      person('d1', 'Dee'),
      person('e1', 'Eve'),
    ] as never);
    t.fake(AgentStateRepository).states.mockResolvedValue([
      state('a1', 'available', 1),
      state('b1', 'available', 2),
      state('c1', 'not_ready', 0),
      state('d1', 'busy', 3),
    ] as never);
    return t;
  }

  it('Available colleagues with a free slot serving the company, never the caller (no state row: not listed)', async () => {
    const { sut, fake } = setup();
    expect(await sut.list('c1', me)).toEqual([
      { id: 'b1', name: 'Bob', state: 'available', activeChats: 2, maxChats: 3 },
    ]);
    expect(fake(TechnicianDirectory).list).toHaveBeenCalledWith({ companyId: 'co1' });
  });

  it('filters by name, case-insensitively', async () => {
    expect(await setup().sut.list('c1', me, ' BO ')).toHaveLength(1);
    expect(await setup().sut.list('c1', me, 'zzz')).toEqual([]);
  });

  it('refuses whoever the guard refuses', async () => {
    const { sut, fake } = setup();
    fake(ConferenceChatGuard).heldChat.mockRejectedValue(Object.assign(new Error('no'), { status: 403 }));
    await expect(sut.list('c1', me)).rejects.toMatchObject({ status: 403 });
  });
});
