import { SettingsService } from '@switchboard/core';
import { AddContactCommentService, ContactAuthorService } from '@switchboard/tickets';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTicket,
  dumpDatabase,
  eventually,
  leaks,
  MASKED_TEXT,
  PHONE_NAME,
  PII_RECORDER,
  PII_TEXT,
  pluginKv,
  refreshMasking,
  seedPeople,
  setMode,
} from './masking.helper';

describe('masking: ingest mode (the raw value never reaches the database or plugins)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ plugins: [PII_RECORDER] });
  });
  afterAll(() => t?.close());

  it('stores masked text on every ticket write path; no table holds a raw value', async () => {
    const { company, contact, caller } = await seedPeople(t);
    await setMode(t, 'ingest', company.id);
    const ticket = await createTicket(t, {
      title: `Title ${PII_TEXT}`,
      description: PII_TEXT,
      requesterId: contact.id,
      assigneeId: t.admin.id,
    });
    expect(ticket.title).toBe(`Title ${MASKED_TEXT}`);
    const admin = bearer(t.adminToken);
    const reply = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .send({ body: PII_TEXT, visibility: 'public' })
      .expect(201);
    expect(reply.body.body).toBe(MASKED_TEXT);
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(admin)
      .send({ body: `note ${PII_TEXT}`, visibility: 'internal', notify: [t.technician.id] })
      .expect(201);
    const inbound = await t.get(AddContactCommentService).add({
      ticketNumber: ticket.number,
      author: await t.get(ContactAuthorService).resolve(caller.id),
      body: `mail ${PII_TEXT}`,
      source: 'email',
    });
    expect(inbound.body).toBe(`mail ${MASKED_TEXT}`);
    await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(admin)
      .send({ title: `Renamed ${PII_TEXT}`, description: `New ${PII_TEXT}` })
      .expect(200);
    await eventually(async () =>
      expect(((await pluginKv(t)).events as unknown[] | undefined)?.length ?? 0).toBeGreaterThanOrEqual(5),
    );

    // Reveal has nothing to reveal: what is stored is already masked.
    const revealed = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments/${reply.body.id}/reveal`)
      .set(admin)
      .expect(200);
    expect(revealed.body.body).toBe(MASKED_TEXT);

    const dump = await dumpDatabase(t);
    expect(Object.keys(dump)).toEqual(
      expect.arrayContaining([
        'tickets',
        'ticket_comments',
        'ticket_activities',
        'notifications',
        'outbox_messages',
        'plugin_kv',
      ]),
    );
    // The contact record itself keeps its identity (name, email, phone: needed to reach the person),
    // and so does its search index (SQLite's contacts_fts_* tables, #20); every copy of it into free
    // text (comment author, activity actor) and every message is masked.
    const identity = (table: string) => table === 'contacts' || table.startsWith('contacts_fts');
    const found = Object.entries(dump).flatMap(([table, rows]) =>
      leaks(identity(table) ? rows.replaceAll(PHONE_NAME, '') : rows).map((v) => `${table}: ${v}`),
    );
    expect(found).toEqual([]);
    expect(dump.ticket_comments).toContain(MASKED_TEXT);

    const kv = await pluginKv(t);
    const bodies = (kv.events as { name: string; payload: { body?: string } }[])
      .filter((e) => e.name === 'ticket.comment.added')
      .map((e) => e.payload.body);
    expect(bodies).toEqual(expect.arrayContaining([MASKED_TEXT, `mail ${MASKED_TEXT}`]));
  });

  it('leaves other companies alone (per-company setting)', async () => {
    const other = await seedPeople(t);
    const ticket = await createTicket(t, { title: 'Plain', description: PII_TEXT, requesterId: other.contact.id });
    expect(ticket.description).toBe(PII_TEXT);
  });
});

describe('masking: off mode and switching modes', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let number: number;
  const tech = () => bearer(t.technicianToken);

  beforeAll(async () => {
    t = await createTestApp();
    people = await seedPeople(t);
    number = (await createTicket(t, { title: `T ${PII_TEXT}`, description: PII_TEXT, requesterId: people.contact.id }))
      .number;
    await t
      .http()
      .post(`/api/tickets/${number}/comments`)
      .set(tech())
      .send({ body: PII_TEXT, visibility: 'public' })
      .expect(201);
  });
  afterAll(() => t?.close());

  it('off (the default): nothing is masked', async () => {
    const settings = await t.http().get('/api/settings/masking.mode').set(bearer(t.adminToken)).expect(200);
    expect(settings.body).toMatchObject({ value: 'off', default: 'off', options: ['off', 'display', 'ingest'] });
    const detail = await t.http().get(`/api/tickets/${number}`).set(tech()).expect(200);
    expect(detail.body.description).toBe(PII_TEXT);
    const comments = await t.http().get(`/api/tickets/${number}/comments`).set(tech()).expect(200);
    expect(comments.body.items[0].body).toBe(PII_TEXT);
  });

  it('a change through the settings API applies before the API answers; types narrow what is masked', async () => {
    await setMode(t, 'display', people.company.id);
    expect((await t.http().get(`/api/tickets/${number}`).set(tech()).expect(200)).body.description).toBe(MASKED_TEXT);
    await t
      .http()
      .put('/api/settings/masking.types')
      .set(bearer(t.adminToken))
      .send({ value: ['CREDIT_CARD'], companyId: people.company.id })
      .expect(200);
    const onlyCards = (await t.http().get(`/api/tickets/${number}`).set(tech()).expect(200)).body.description as string;
    expect(onlyCards).toContain('************1111');
    expect(onlyCards).toContain('bob@example.com');
    await t
      .http()
      .put('/api/settings/masking.types')
      .set(bearer(t.adminToken))
      .send({ value: ['NOT_A_TYPE'] })
      .expect(400);
    await t
      .http()
      .delete(`/api/settings/masking.types?companyId=${people.company.id}`)
      .set(bearer(t.adminToken))
      .expect(200);
    await t
      .http()
      .delete(`/api/settings/masking.mode?companyId=${people.company.id}`)
      .set(bearer(t.adminToken))
      .expect(200);
    expect((await t.http().get(`/api/tickets/${number}`).set(tech()).expect(200)).body.description).toBe(PII_TEXT);
  });

  it('a change made by another instance (straight in the database) applies within the 2 s staleness bound', async () => {
    const ds = t.get(DataSource);
    const repo = ds.getRepository('SettingEntity');
    await repo.save({ scopeKey: 'global', key: 'masking.mode', value: 'display' });
    const started = Date.now();
    await eventually(async () => {
      expect((await t.http().get(`/api/tickets/${number}`).set(tech()).expect(200)).body.description).toBe(MASKED_TEXT);
    }, 2500);
    expect(Date.now() - started).toBeLessThan(2500);
    await repo.delete({ scopeKey: 'global', key: 'masking.mode' });
    await refreshMasking(t); // tests need not wait: refresh() reloads at once
    expect(await t.get(SettingsService).get('masking.mode')).toBe('off');
    expect((await t.http().get(`/api/tickets/${number}`).set(tech()).expect(200)).body.description).toBe(PII_TEXT);
  });
});
