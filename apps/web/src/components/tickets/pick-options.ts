// Adapters from API people to picker options (keys are kind-prefixed: a person can be both).
import { contactName } from '../../lib/format';
import type { CcEntry, Contact, PersonRef } from '../../lib/tickets.types';
import type { PickOption } from './people-picker.component';
import { tp } from '../../lib/ticket-page.i18n';

export function contactOptions(list: Contact[]): PickOption[] {
  return list.map((c) => ({
    key: `contact:${c.id}`,
    id: c.id,
    kind: 'contact',
    name: contactName(c),
    detail: c.email ?? undefined,
  }));
}

export function technicianOptions(list: PersonRef[]): PickOption[] {
  return list.map((t) => ({
    key: `account:${t.id}`,
    id: t.id,
    kind: 'account',
    name: t.name,
    detail: tp('kind_account'),
  }));
}

export function ccOption(c: CcEntry): PickOption {
  return { key: `${c.kind}:${c.id}`, id: c.id, kind: c.kind, name: c.name, detail: c.email ?? undefined };
}
