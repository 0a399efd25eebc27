// REST calls of the ticket list's saved views (#15): built-in + own views with counts, save/rename/delete.
import type { ApiSchema } from '@switchboard/contracts';
import { request } from './api.client';

/** A view with how many tickets it holds for the signed-in account (GET /api/ticket-views). */
export type TicketViewItem = ApiSchema<'SavedViewWithCountDto'>;
export type SavedTicketView = ApiSchema<'SavedViewViewDto'>;
export type SavedViewFilters = ApiSchema<'SavedViewFiltersDto'>;

const path = (id: string) => `/api/ticket-views/${encodeURIComponent(id)}`;

export const ticketViewsApi = {
  list: () => request<TicketViewItem[]>('GET', '/api/ticket-views'),
  create: (name: string, filters: SavedViewFilters) =>
    request<SavedTicketView>('POST', '/api/ticket-views', { name, filters }),
  rename: (id: string, name: string) => request<SavedTicketView>('PATCH', path(id), { name }),
  remove: (id: string) => request<void>('DELETE', path(id)),
};
