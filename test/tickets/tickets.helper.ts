import { CompanyService, ContactService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let seq = 0;

/** A company with one contact (the usual requester). */
export async function seedCompany(t: TestApp, name = `Acme ${++seq}`, email = `melissa${seq}@acme.example`) {
  const company = await t.get(CompanyService).create({ name });
  const contact = await t
    .get(ContactService)
    .create({ companyId: company.id, firstName: 'Melissa', lastName: 'Jones', email });
  return { company, contact };
}

export async function createTicket(
  t: TestApp,
  requesterId: string,
  extra: Record<string, unknown> = {},
  token = t.technicianToken,
) {
  const res = await t
    .http()
    .post('/api/tickets')
    .set(bearer(token))
    .send({ title: 'Printer on fire', description: 'It smokes.', requesterId, ...extra });
  if (res.status !== 201) throw new Error(`create ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: number; status: string; activityStatus: string; [k: string]: unknown };
}

export async function outbox(t: TestApp) {
  const res = await t.http().get('/api/outbox?limit=200').set(bearer(t.adminToken)).expect(200);
  return res.body.items as {
    to: string[];
    cc: string[];
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
    createdAt: string;
  }[];
}

export { eventually } from '@switchboard/testing';
