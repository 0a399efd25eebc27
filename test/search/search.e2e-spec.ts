import { ContactService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';
import { auth, createCompanyWithPortal, createPortalApp, startChat, uniqueName } from '../portal/portal-helpers';

interface Results {
  tickets: {
    number: number;
    title: string;
    matchedIn: string;
    snippet: { text: string; highlights: { start: number; end: number }[] };
  }[];
  contacts: { id: string; name: string; email: string }[];
  conversations: { id: string; snippet: { text: string } }[];
}

/** #20: one search over tickets, comments, contacts and chat messages, per driver's full-text index. */
describe('#20 GET /api/search', () => {
  let t: TestApp;
  let printerFr: number;
  let flicker: number;
  let network: number;
  let conversationId: string;
  let contactId: string;
  let restrictedToken: string;

  const search = async (q: string, token = t.adminToken): Promise<Results> =>
    (
      await t
        .http()
        .get(`/api/search?q=${encodeURIComponent(q)}`)
        .set(auth(token))
        .expect(200)
    ).body as Results;
  const numbers = (r: Results) => r.tickets.map((h) => h.number);

  const ticket = async (token: string, body: Record<string, unknown>) =>
    (await t.http().post('/api/tickets').set(auth(token)).send(body).expect(201)).body as { number: number };

  beforeAll(async () => {
    t = await createPortalApp();
    const a = await createCompanyWithPortal(t);
    const b = await createCompanyWithPortal(t);
    const contacts = t.get(ContactService);
    const alice = await contacts.create({
      companyId: a.company.id,
      firstName: 'Zéphyrine',
      lastName: 'Quelloz',
      email: 'zephyrine.quelloz@acme-search.example',
      phone: '+41 79 555 12 34',
    } as never);
    contactId = alice.id;
    const bob = await contacts.create({
      companyId: b.company.id,
      firstName: 'Bob',
      lastName: 'Quellozson',
      email: 'bob@beta-search.example',
    } as never);
    printerFr = (
      await ticket(t.adminToken, {
        title: "L'imprimante du 3e étage",
        description: 'Commande 4471-2290 toujours en attente',
        requesterId: alice.id,
      })
    ).number;
    flicker = (
      await ticket(t.adminToken, { title: 'Screen flicker', description: 'Since Monday', requesterId: alice.id })
    ).number;
    await t
      .http()
      .post(`/api/tickets/${flicker}/comments`)
      .set(auth(t.adminToken))
      .send({ body: 'The printers were rebooted yesterday by the xylophonist', visibility: 'internal' })
      .expect(201);
    network = (await ticket(t.adminToken, { title: 'Imprimante réseau bloquée', description: '', requesterId: bob.id }))
      .number;
    const chat = await startChat(
      t,
      a.subdomain,
      { firstName: 'Vera', lastName: 'Visitor', email: 'vera@acme-search.example' },
      'Le scanner affiche une erreur quokka',
    );
    conversationId = chat.conversationId;
    const restricted = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth(t.adminToken))
        .send({
          name: 'Rita Restricted',
          email: `${uniqueName('rita')}@test.local`,
          password: 'rita-password-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [b.company.id],
        })
        .expect(201)
    ).body as { id: string };
    restrictedToken = t.tokenFor(restricted.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('French stemming: "imprimantes" finds "imprimante" (title), with the match highlighted', async () => {
    const r = await search('imprimantes');
    expect(numbers(r)).toEqual(expect.arrayContaining([printerFr, network]));
    const hit = r.tickets.find((h) => h.number === printerFr)!;
    expect(hit.matchedIn).toBe('ticket');
    const marked = hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end).toLowerCase());
    expect(marked).toContain('imprimante');
  });

  it('English stemming over comments: "printer rebooting" finds the ticket whose comment says "printers were rebooted"', async () => {
    const r = await search('printer rebooting');
    const hit = r.tickets.find((h) => h.number === flicker);
    expect(hit).toMatchObject({ matchedIn: 'comment', title: 'Screen flicker' });
    expect(numbers(r)).not.toContain(printerFr);
  });

  it('accents: "etage" and "reseau" match "étage" and "réseau", and the other way round', async () => {
    expect(numbers(await search('etage'))).toContain(printerFr);
    expect(numbers(await search('reseau'))).toContain(network);
    expect(numbers(await search('réseau bloquee'))).toContain(network);
    expect((await search('zephyrine')).contacts.map((c) => c.id)).toContain(contactId);
  });

  it('partial numbers and words: order and phone fragments, a word inside another, a ticket number', async () => {
    expect(numbers(await search('2290'))).toContain(printerFr);
    expect(numbers(await search('71-22'))).toContain(printerFr);
    expect((await search('555 12')).contacts.map((c) => c.id)).toContain(contactId);
    expect(numbers(await search('lophon'))).toContain(flicker);
    // The list's q too: a word inside another is found on the second, widened try.
    const inside = await t.http().get('/api/tickets?q=licker&limit=1').set(auth(t.adminToken)).expect(200);
    expect((inside.body.items as { number: number }[]).map((i) => i.number)).toEqual([flicker]);
    if (inside.body.nextCursor) expect(inside.body.nextCursor).toMatch(/^~/);
    const list = await t.http().get(`/api/tickets?q=${network}`).set(auth(t.adminToken)).expect(200);
    expect((list.body.items as { number: number }[]).map((i) => i.number)).toContain(network);
  });

  it("chat messages: a word of the visitor's question finds the conversation", async () => {
    const r = await search('quokka');
    expect(r.conversations.map((c) => c.id)).toEqual([conversationId]);
    expect(r.conversations[0].snippet.text).toContain('quokka');
  });

  it('contacts by name and email fragment', async () => {
    const r = await search('quelloz');
    expect(r.contacts.map((c) => c.name)).toEqual(expect.arrayContaining(['Zéphyrine Quelloz', 'Bob Quellozson']));
    expect((await search('acme-search')).contacts.map((c) => c.id)).toContain(contactId);
  });

  it('the ticket list q filter uses the same index (stems, accents)', async () => {
    const list = await t.http().get('/api/tickets?q=imprimantes%20etage').set(auth(t.adminToken)).expect(200);
    expect((list.body.items as { number: number }[]).map((i) => i.number)).toEqual([printerFr]);
    // The last word is the one being typed: a prefix of it is enough ("eta" for "étage").
    const typing = await t.http().get('/api/tickets?q=imprimantes%20eta').set(auth(t.adminToken)).expect(200);
    expect((typing.body.items as { number: number }[]).map((i) => i.number)).toEqual([printerFr]);
  });

  it('a technician restricted to a company finds only its items', async () => {
    const r = await search('imprimantes', restrictedToken);
    expect(numbers(r)).toEqual([network]);
    expect((await search('quokka', restrictedToken)).conversations).toEqual([]);
    expect((await search('quelloz', restrictedToken)).contacts.map((c) => c.name)).toEqual(['Bob Quellozson']);
    expect(numbers(await search('printers', restrictedToken))).toEqual([]);
    const list = await t.http().get('/api/tickets?q=imprimante').set(auth(restrictedToken)).expect(200);
    expect((list.body.items as { number: number }[]).map((i) => i.number)).toEqual([network]);
  });

  it('validates q and limit (400 naming the problem) and needs a signed-in account', async () => {
    const bad = async (query: string) =>
      (await t.http().get(`/api/search${query}`).set(auth(t.adminToken)).expect(400)).body as { message: string };
    expect(JSON.stringify(await bad(''))).toMatch(/q/);
    expect(JSON.stringify(await bad('?q='))).toMatch(/q must not be empty/);
    expect(JSON.stringify(await bad('?q=%20%20'))).toMatch(/q must not be empty/);
    expect(JSON.stringify(await bad(`?q=${'a'.repeat(201)}`))).toMatch(/200/);
    expect(JSON.stringify(await bad('?q=--'))).toMatch(/letter or a digit/);
    expect(JSON.stringify(await bad('?q=printer&limit=0'))).toMatch(/limit/);
    expect(JSON.stringify(await bad('?q=printer&limit=21'))).toMatch(/limit/);
    await t.http().get('/api/search?q=printer').expect(401);
    const limited = await t.http().get('/api/search?q=imprimante&limit=1').set(auth(t.adminToken)).expect(200);
    expect(limited.body.tickets).toHaveLength(1);
  });
});
