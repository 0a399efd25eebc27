// The routing decision on a real database (#14): longest-idle Available queue member who serves the
// company and has a free slot, the slot claimed atomically (Busy at capacity), never beyond capacity
// even when many decisions race (PostgreSQL: real concurrent transactions).
import { AccountService, FakeClock } from '@switchboard/core';
import { AgentPicker, AgentStateService, QueueService } from '@switchboard/routing';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { createPortalApp, LIVECHAT_PLUGIN, uniqueName } from '../portal/portal-helpers.js';
import { seedCompany } from '../tickets/tickets.helper.js';

describe('routing decision: agent slots (#14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  const agent = async (name: string, companyIds?: string[]) =>
    (
      await t.get(AccountService).create({
        name,
        email: `${uniqueName(name)}@agents.example`,
        password: 'Correct-Horse-9-Battery',
        role: 'technician',
        ...(companyIds ? { allCompanies: false, companyIds } : {}),
      })
    ).id;
  const queueOf = async (companyId: string, memberIds: string[]) => {
    const view = await t.get(QueueService).create({ name: uniqueName('Q '), companyIds: [companyId], memberIds });
    return (await t.get(QueueService).findById(view.id))!;
  };
  const state = async (id: string) => (await t.get(AgentStateService).get(id)).state;

  it('picks the longest-idle serving Available member, spreads chats, turns Busy at capacity', async () => {
    const { company } = await seedCompany(t);
    const { company: elsewhere } = await seedCompany(t);
    const [ada, bob, cy, dee] = [
      await agent('Ada'),
      await agent('Bob'),
      await agent('Cy', [elsewhere.id]),
      await agent('Dee'),
    ];
    const states = t.get(AgentStateService);
    await states.choose(bob, 'available');
    t.clock.advance(1000);
    await states.choose(ada, 'available');
    await states.choose(cy, 'available'); // does not serve the company
    // dee stays Not ready
    const queue = await queueOf(company.id, [ada, bob, cy, dee]);
    const picker = t.get(AgentPicker);

    expect(await picker.pick(queue, company.id)).toBe(bob); // idle longest
    expect(await picker.pick(queue, company.id)).toBe(ada); // fewest chats
    expect(await picker.pick(queue, company.id, [bob])).toBe(ada); // bob excluded (e.g. he let the offer ring)
    expect(await picker.pick(queue, company.id)).toBe(bob); // 1 chat against 2
    expect(await picker.pick(queue, company.id)).toBe(bob); // 2 each: bob has been idle longer
    expect(await state(bob)).toBe('busy');
    expect(await picker.pick(queue, company.id)).toBe(ada);
    expect(await state(ada)).toBe('busy');
    // Everyone serving is at capacity; cy never serves this company; dee is not ready.
    expect(await picker.pick(queue, company.id)).toBeNull();
    expect(await t.get(AgentStateService).get(bob)).toMatchObject({ state: 'busy', activeChats: 3, maxChats: 3 });

    // A freed slot makes the agent Available again; choosing Available at capacity stays Busy.
    await states.releaseSlot(ada);
    expect(await state(ada)).toBe('available');
    expect(await picker.pick(queue, company.id)).toBe(ada);
    expect((await states.choose(ada, 'available')).state).toBe('busy');
    // Not ready takes no chats even with a free slot.
    await states.releaseSlot(bob);
    await states.choose(bob, 'not_ready');
    expect(await picker.pick(queue, company.id)).toBeNull();
  });

  it('racing decisions never give one agent more than its slots', async () => {
    const { company } = await seedCompany(t);
    const solo = await agent('Solo');
    await t.get(AgentStateService).choose(solo, 'available');
    const queue = await queueOf(company.id, [solo]);
    // Each claim is one conditional UPDATE: on PostgreSQL these race for real.
    const picks = await Promise.all(Array.from({ length: 12 }, () => t.get(AgentPicker).pick(queue, company.id)));
    expect(picks.filter((p) => p === solo)).toHaveLength(3);
    expect(await t.get(AgentStateService).get(solo)).toMatchObject({ state: 'busy', activeChats: 3 });
  });
});

// Two API instances on one database (PostgreSQL when TEST_DATABASE_URL is set): the slot claim is
// the database's word, so decisions taken on both at once still never exceed an agent's capacity.
describe('routing decision on two instances (#14)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const clock = new FakeClock();
    a = await createPortalApp({ clock, instanceId: 'routing-a' });
    b = await createTestApp({
      plugins: [LIVECHAT_PLUGIN],
      clock,
      database: a.database,
      seed: false,
      instanceId: 'routing-b',
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('two instances picking for the same agents at once fill exactly the free slots', async () => {
    const { company } = await seedCompany(a);
    const ids: string[] = [];
    for (const name of ['Kim', 'Lou']) {
      const id = (
        await a.get(AccountService).create({
          name,
          email: `${uniqueName(name)}@agents.example`,
          password: 'Correct-Horse-9-Battery',
          role: 'technician',
        })
      ).id;
      await a.get(AgentStateService).choose(id, 'available');
      ids.push(id);
    }
    const view = await a
      .get(QueueService)
      .create({ name: uniqueName('Race '), companyIds: [company.id], memberIds: ids });
    const [qa, qb] = [await a.get(QueueService).findById(view.id), await b.get(QueueService).findById(view.id)];
    const picks = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 ? a.get(AgentPicker).pick(qa!, company.id) : b.get(AgentPicker).pick(qb!, company.id),
      ),
    );
    const given = picks.filter((p): p is string => p !== null);
    expect(given).toHaveLength(6);
    for (const id of ids) {
      expect(given.filter((p) => p === id)).toHaveLength(3);
      expect(await b.get(AgentStateService).get(id)).toMatchObject({ state: 'busy', activeChats: 3 });
    }
  });
});
