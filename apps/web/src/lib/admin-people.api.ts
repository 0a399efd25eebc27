// REST calls of the admin screens for users, companies, contacts and devices (libs/core identity +
// settings). Lists ask for the largest page the API serves (200): admin lists of a helpdesk's size.
import type * as C from '@switchboard/contracts';
import { ApiError, request } from './api.client';

const enc = encodeURIComponent;

export type Account = C.ApiSchema<'AccountViewDto'>;
export type AccountInput = C.ApiSchema<'CreateAccountDto'>;
/** Every field optional (the generator marks fields with a default as present). */
export type AccountUpdate = Partial<C.ApiSchema<'UpdateAccountDto'>>;
export type Company = C.ApiSchema<'CompanyViewDto'>;
export type Contact = C.ApiSchema<'ContactViewDto'>;
export type ContactInput = C.ApiSchema<'CreateContactDto'>;
export type ContactUpdate = C.ApiSchema<'UpdateContactDto'>;
export type Device = C.ApiSchema<'DeviceListItemDto'>;
export type DeviceInput = C.ApiSchema<'CreateDeviceDto'>;
export type DeviceUpdate = C.ApiSchema<'UpdateDeviceDto'>;
export type EnrolmentCode = C.ApiSchema<'EnrolmentCodeDto'>;

/** GET/PUT /api/settings/:key (the settings controller declares no response schema). */
export interface SettingValue<T> {
  key: string;
  value: T;
  source: 'default' | 'global' | 'company';
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
const items = <T>(p: Promise<Page<T>>) => p.then((page) => page.items);
const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `&${k}=${enc(v!)}`)
    .join('');

export const adminPeopleApi = {
  accounts: () => items(request<Page<Account>>('GET', '/api/accounts?limit=200')),
  createAccount: (input: AccountInput) => request<Account>('POST', '/api/accounts', input),
  updateAccount: (id: string, input: AccountUpdate) => request<Account>('PATCH', `/api/accounts/${enc(id)}`, input),
  deleteAccount: (id: string) => request<void>('DELETE', `/api/accounts/${enc(id)}`),

  companies: () => items(request<Page<Company>>('GET', '/api/companies?limit=200')),
  createCompany: (name: string) => request<Company>('POST', '/api/companies', { name }),
  renameCompany: (id: string, name: string) => request<Company>('PATCH', `/api/companies/${enc(id)}`, { name }),
  deleteCompany: (id: string) => request<void>('DELETE', `/api/companies/${enc(id)}`),
  chatEnabled: (companyId: string) =>
    request<SettingValue<boolean>>('GET', `/api/settings/chat.enabled?companyId=${enc(companyId)}`),
  setChatEnabled: (companyId: string, value: boolean) =>
    request<SettingValue<boolean>>('PUT', '/api/settings/chat.enabled', { companyId, value }),

  contacts: (filter: { companyId?: string; search?: string } = {}) =>
    items(request<Page<Contact>>('GET', `/api/contacts?limit=200${query(filter)}`)),
  createContact: (input: ContactInput) => request<Contact>('POST', '/api/contacts', input),
  updateContact: (id: string, input: ContactUpdate) => request<Contact>('PATCH', `/api/contacts/${enc(id)}`, input),
  deleteContact: (id: string) => request<void>('DELETE', `/api/contacts/${enc(id)}`),

  devices: (companyId?: string) => items(request<Page<Device>>('GET', `/api/devices?limit=200${query({ companyId })}`)),
  createDevice: (input: DeviceInput) => request<C.ApiSchema<'DeviceWithTokenDto'>>('POST', '/api/devices', input),
  updateDevice: (id: string, input: DeviceUpdate) => request<Device>('PATCH', `/api/devices/${enc(id)}`, input),
  deleteDevice: (id: string) => request<void>('DELETE', `/api/devices/${enc(id)}`),
  enrolmentCode: (id: string) => request<EnrolmentCode>('POST', `/api/devices/${enc(id)}/enrolment-code`),
};

/** The server's message for a refused request, or the fallback when there was none. */
export const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/** Field errors of a 400 as one line per field. */
export const fieldErrorsOf = (err: unknown): Record<string, string> =>
  err instanceof ApiError
    ? Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, (v ?? []).join(' ')]))
    : {};
