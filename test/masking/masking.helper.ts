import { CompanyService, ContactService, PiiMasker } from '@switchboard/core';
import { PluginKvEntity } from '@switchboard/plugin-host';
import type { TestApp } from '@switchboard/testing';
import { DataSource } from 'typeorm';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const PII_RECORDER = { name: 'test/fixtures/plugins/pii-recorder', enable: true };

/** One of each type; the masking library's own fixtures detect all five. */
export const PII_TEXT =
  'card 4111 1111 1111 1111, mail bob@example.com, tel +33 6 12 34 56 78, SSN 123-45-6789, IBAN DE89370400440532013000';
/** What the library makes of PII_TEXT. */
export const MASKED_TEXT =
  'card ************1111, mail b**@example.com, tel ********5678, SSN *******6789, IBAN ******************3000';
/** A contact whose display name is a phone number (conditional masking). */
export const PHONE_NAME = '+447966197542';
export const PHONE_NAME_MASKED = '*********7542';
export const CONTACT_EMAIL = 'melissa.jones@acme.example';

/** Raw forms that must never reach a technician (or, in ingest mode, the database). */
export const RAW_VALUES = [
  '4111 1111 1111 1111',
  '4111111111111111',
  'bob@example.com',
  '+33 6 12 34 56 78',
  '+33612345678',
  '123-45-6789',
  'DE89370400440532013000',
  PHONE_NAME,
];

/** The raw values found in a payload (strings searched as JSON, so nested values count). */
export function leaks(payload: unknown, raw: readonly string[] = RAW_VALUES): string[] {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
  return raw.filter((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)));
}

export async function setMode(t: TestApp, mode: 'off' | 'display' | 'ingest', companyId?: string) {
  const res = await t
    .http()
    .put('/api/settings/masking.mode')
    .set(bearer(t.adminToken))
    .send({ value: mode, ...(companyId ? { companyId } : {}) });
  if (res.status !== 200) throw new Error(`set masking.mode: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let seq = 0;
export async function seedPeople(t: TestApp) {
  const company = await t.get(CompanyService).create({ name: `Masked Corp ${++seq}` });
  const contacts = t.get(ContactService);
  const contact = await contacts.create({
    companyId: company.id,
    firstName: 'Melissa',
    lastName: 'Jones',
    email: seq === 1 ? CONTACT_EMAIL : `m${seq}.${CONTACT_EMAIL}`,
  });
  const caller = await contacts.create({
    companyId: company.id,
    firstName: PHONE_NAME,
    lastName: 'Caller',
    email: `caller${seq}@acme.example`,
  });
  return { company, contact, caller };
}

export async function createTicket(t: TestApp, body: Record<string, unknown>, token = t.technicianToken) {
  const res = await t.http().post('/api/tickets').set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`create ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: number; title: string; description: string; [k: string]: unknown };
}

export async function pluginKv(t: TestApp, pluginId = 'pii-recorder'): Promise<Record<string, unknown>> {
  const rows = await t.get(DataSource).getRepository(PluginKvEntity).find({ where: { pluginId } });
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

/** Every row of every table, as JSON text (the ingest-mode database scan). */
export async function dumpDatabase(t: TestApp): Promise<Record<string, string>> {
  const ds = t.get(DataSource);
  const tables: string[] =
    ds.options.type === 'postgres'
      ? (await ds.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)).map(
          (r: { name: string }) => r.name,
        )
      : (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map(
          (r: { name: string }) => r.name,
        );
  const out: Record<string, string> = {};
  for (const table of tables) out[table] = JSON.stringify(await ds.query(`SELECT * FROM "${table}"`));
  return out;
}

export const refreshMasking = (t: TestApp) => t.get(PiiMasker).refresh();

export { eventually } from '@switchboard/testing';
