import { AccountService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';
import { createTestApp } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { backfillTicketSearchText } from '../../apps/api/src/migrations/ticket-search-text.backfill';
import { bearer, createTicket, seedPeople, setMode } from '../masking/masking.helper';

const CARD = '4111 1111 1111 1111';
const HIDDEN = '411111111111'; // what the view hides: everything but the last four digits
const EMAIL = 'roberta.jones@example.com';

/**
 * #13.2: with masking on, search must not be an oracle for the hidden part of a masked value. The
 * attack: the ticket shows `************1111`; searching "card 4", "card 41", ... one digit at a time
 * (10 guesses a digit, 68 in all for a Visa) recovers the number when search matches the raw text.
 */
describe('#13.2 masked search: search never matches inside a value the viewer sees masked', () => {
  let t: TestApp;
  let masked: { number: number };
  let clear: { number: number };
  let revealerToken: string;

  const search = async (q: string, token = t.technicianToken): Promise<number[]> => {
    const res = await t
      .http()
      .get(`/api/tickets?q=${encodeURIComponent(q)}`)
      .set(bearer(token))
      .expect(200);
    return (res.body.items as { number: number }[]).map((i) => i.number);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await seedPeople(t);
    const b = await seedPeople(t);
    await setMode(t, 'display', a.company.id);
    const text = `Please charge card ${CARD} and mail ${EMAIL}`;
    masked = await createTicket(t, { title: `Refund ${CARD}`, description: text, requesterId: a.contact.id });
    clear = await createTicket(t, { title: `Refund ${CARD}`, description: text, requesterId: b.contact.id });
    const revealer = await t.get(AccountService).create({
      email: 'revealer@switchboard.test',
      name: 'Reveal Er',
      password: 'a long enough password 1',
      role: 'technician',
      permissions: ['pii.reveal'],
    } as never);
    revealerToken = t.tokenFor(revealer.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('prefix enumeration of the hidden card digits learns nothing (the 68-guess attack)', async () => {
    const hits: string[] = [];
    let guesses = 0;
    for (let k = 1; k <= HIDDEN.length; k++) {
      // Each guess as the attacker writes it: the raw spacing and the compact form.
      const prefix = HIDDEN.slice(0, k);
      const spaced = CARD.replace(/ /g, '')
        .slice(0, k)
        .replace(/(\d{4})(?=\d)/g, '$1 ');
      for (const q of new Set([`card ${prefix}`, `card ${spaced}`, spaced.length >= 4 ? spaced : `card ${spaced}`])) {
        guesses++;
        if ((await search(q)).includes(masked.number)) hits.push(q);
      }
    }
    expect(guesses).toBeGreaterThan(12);
    expect(hits).toEqual([]);
    expect(await search(CARD)).not.toContain(masked.number);
    expect(await search('4111111111111111')).not.toContain(masked.number);
  });

  it('the visible last four digits and words still match', async () => {
    expect(await search('1111')).toContain(masked.number);
    expect(await search('please charge')).toContain(masked.number);
    expect(await search('refund')).toContain(masked.number);
  });

  it('the hidden part of an email does not match, its visible domain does', async () => {
    expect(await search('roberta')).not.toContain(masked.number);
    expect(await search(EMAIL)).not.toContain(masked.number);
    expect(await search('obert')).not.toContain(masked.number);
    expect(await search('@example.com')).toContain(masked.number);
  });

  it('a company without masking is searched as written', async () => {
    expect(await search(`card ${CARD.slice(0, 9)}`)).toContain(clear.number);
    expect(await search('roberta')).toContain(clear.number);
  });

  it('a viewer with pii.reveal searches the raw text', async () => {
    expect(await search(`card ${CARD.slice(0, 9)}`, revealerToken)).toContain(masked.number);
    expect(await search('roberta', revealerToken)).toContain(masked.number);
  });

  it('a title or description edit keeps the search text in step', async () => {
    await t
      .http()
      .patch(`/api/tickets/${masked.number}`)
      .set(bearer(t.adminToken))
      .send({ title: 'Renamed 5555 5555 5555 4444', description: 'now mail rob@elsewhere.example' })
      .expect(200);
    expect(await search('5555 5555')).not.toContain(masked.number);
    expect(await search('4444')).toContain(masked.number);
    expect(await search('rob@')).not.toContain(masked.number);
    expect(await search('please charge')).not.toContain(masked.number);
    expect(await search('elsewhere.example')).toContain(masked.number);
  });

  it('turning masking on applies to tickets written while it was off', async () => {
    await setMode(
      t,
      'display',
      (await t.http().get(`/api/tickets/${clear.number}`).set(bearer(t.adminToken))).body.companyId,
    );
    expect(await search(`card ${HIDDEN.slice(0, 6)}`)).not.toContain(clear.number);
    expect(await search('roberta')).not.toContain(clear.number);
    await setMode(
      t,
      'off',
      (await t.http().get(`/api/tickets/${clear.number}`).set(bearer(t.adminToken))).body.companyId,
    );
  });

  it('masking on for all companies but one: that one is searched as written, the others masked', async () => {
    const clearCompany = (await t.http().get(`/api/tickets/${clear.number}`).set(bearer(t.adminToken))).body.companyId;
    await setMode(t, 'display');
    await setMode(t, 'off', clearCompany);
    try {
      expect(await search(`card ${CARD.slice(0, 9)}`)).toEqual([clear.number]);
      expect(await search('roberta')).toEqual([clear.number]);
    } finally {
      await setMode(t, 'off');
    }
  });

  it('the migration backfills the search text of tickets written before it', async () => {
    const ds = t.get(DataSource);
    await ds.query('UPDATE "tickets" SET "searchText" = NULL');
    expect(await search('4444')).not.toContain(masked.number); // not indexed: masked search finds nothing
    const runner = ds.createQueryRunner();
    try {
      await backfillTicketSearchText(runner, ds.options.type === 'postgres');
    } finally {
      await runner.release();
    }
    expect(await search('4444')).toContain(masked.number);
    expect(await search('5555 5555')).not.toContain(masked.number);
  });
});

/** #20: the same guarantee on the global search, for tickets, their comments and contacts. */
describe('#20 masked search on GET /api/search', () => {
  let t: TestApp;
  let masked: { number: number };
  let clear: { number: number };
  let maskedCaller: string;
  let clearCaller: string;
  let revealerToken: string;

  const search = async (q: string, token = t.technicianToken) =>
    (
      await t
        .http()
        .get(`/api/search?q=${encodeURIComponent(q)}&limit=20`)
        .set(bearer(token))
        .expect(200)
    ).body as {
      tickets: { number: number; title: string; snippet: { text: string } }[];
      contacts: { id: string; name: string }[];
    };
  const tickets = async (q: string, token?: string) => (await search(q, token)).tickets.map((h) => h.number);
  const contacts = async (q: string, token?: string) => (await search(q, token)).contacts.map((c) => c.id);

  beforeAll(async () => {
    t = await createTestApp();
    const a = await seedPeople(t);
    const b = await seedPeople(t);
    maskedCaller = a.caller.id;
    clearCaller = b.caller.id;
    await setMode(t, 'display', a.company.id);
    const text = `Please charge card ${CARD}`;
    masked = await createTicket(t, { title: `Refund ${CARD}`, description: text, requesterId: a.contact.id });
    clear = await createTicket(t, { title: `Refund ${CARD}`, description: text, requesterId: b.contact.id });
    for (const n of [masked.number, clear.number])
      await t
        .http()
        .post(`/api/tickets/${n}/comments`)
        .set(bearer(t.adminToken))
        .send({ body: 'Second card 5105 1051 0510 5100 on file', visibility: 'internal' })
        .expect(201);
    const revealer = await t.get(AccountService).create({
      email: 'revealer2@switchboard.test',
      name: 'Reveal Er',
      password: 'a long enough password 1',
      role: 'technician',
      permissions: ['pii.reveal'],
    } as never);
    revealerToken = t.tokenFor(revealer.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('prefix enumeration of the hidden card digits learns nothing, in tickets or comments', async () => {
    const hits: string[] = [];
    for (let k = 1; k <= HIDDEN.length; k++) {
      const prefix = HIDDEN.slice(0, k);
      for (const q of [`card ${prefix}`, `refund ${prefix}`, prefix.length >= 3 ? prefix : `card ${prefix}`])
        if ((await tickets(q)).includes(masked.number)) hits.push(q);
    }
    // Not "card 51": the visible last four (5100) start with 51, which the viewer sees anyway.
    for (const q of ['5105', '5105 1051', 'card 5105', '1051', '0510 5'])
      if ((await tickets(q)).includes(masked.number)) hits.push(q);
    expect(hits).toEqual([]);
    expect(await tickets(CARD)).not.toContain(masked.number);
  });

  it('visible digits and words still match, snippets and titles are shown masked', async () => {
    expect(await tickets('1111')).toContain(masked.number);
    expect(await tickets('5100')).toContain(masked.number);
    const r = await search('refund');
    const hit = r.tickets.find((h) => h.number === masked.number)!;
    expect(hit.title).not.toContain('4111');
    expect(hit.snippet.text).not.toContain('4111');
    expect(JSON.stringify(hit)).not.toContain('4111 1111');
  });

  it('a company without masking is searched as written, tickets, comments and contacts', async () => {
    expect(await tickets('card 4111 1111')).toContain(clear.number);
    expect(await tickets('5105')).toContain(clear.number);
    expect(await contacts('79661')).toEqual([clearCaller]);
  });

  it("a contact's masked phone-number name is not findable by its hidden digits", async () => {
    expect(await contacts('79661')).not.toContain(maskedCaller);
    expect(await contacts('+4479')).not.toContain(maskedCaller);
    expect(await contacts('7542')).toContain(maskedCaller);
  });

  it('a viewer with pii.reveal searches the raw text (and still sees it masked)', async () => {
    expect(await tickets('5105', revealerToken)).toContain(masked.number);
    expect(await contacts('79661', revealerToken)).toContain(maskedCaller);
    const r = await search('5105', revealerToken);
    expect(JSON.stringify(r.tickets.find((h) => h.number === masked.number))).not.toContain('5105');
  });
});
