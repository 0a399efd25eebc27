// REST calls of the cases, notification-preference and portal-admin screens (libs/cases/README.md).
import type * as C from '@switchboard/contracts';
import { request } from './api.client';
import type {
  CaseMessage,
  CasePage,
  CaseView,
  CaseViewName,
  NotificationPrefs,
  Portal,
  PortalEmbed,
  PortalStatus,
} from './cases.types';

const enc = encodeURIComponent;

export interface PortalInput {
  companyId?: string;
  subdomain: string;
  status: PortalStatus;
  name?: string;
  colors?: { primary?: string };
  logoUrl?: string | null;
  welcomeText?: string;
  routing?: 'pool' | 'queue';
  queueId?: string | null;
  screenSharing?: boolean;
  proactive?: PortalProactive | null;
}

/** The embed widget's invitation rules (#14 proactive chat); null: off. */
export type PortalProactive = C.ApiSchema<'PortalProactiveDto'>;

export const casesApi = {
  list: (view: CaseViewName, cursor?: string | null) =>
    request<CasePage>('GET', `/api/cases?view=${view}&limit=50${cursor ? `&cursor=${enc(cursor)}` : ''}`),
  get: (id: string) => request<CaseView>('GET', `/api/cases/${enc(id)}`),
  messages: (id: string, afterSeq = 0) =>
    request<{ items: CaseMessage[] }>('GET', `/api/cases/${enc(id)}/messages?afterSeq=${afterSeq}`),
  send: (id: string, clientId: string, body: string) =>
    request<{ message: CaseMessage; duplicate: boolean }>('POST', `/api/cases/${enc(id)}/messages`, { clientId, body }),
  assign: (id: string) => request<CaseView>('POST', `/api/cases/${enc(id)}/assign`),
  resolve: (id: string) => request<CaseView>('POST', `/api/cases/${enc(id)}/resolve`),
  reopen: (id: string) => request<CaseView>('POST', `/api/cases/${enc(id)}/reopen`),
  unassign: (id: string) => request<CaseView>('POST', `/api/cases/${enc(id)}/unassign`),
  leave: (id: string) => request<CaseView>('POST', `/api/cases/${enc(id)}/leave`),
  remove: (id: string) => request<unknown>('DELETE', `/api/cases/${enc(id)}`),
  followUp: (id: string, body: string) =>
    request<{ ticketNumber: number }>('POST', `/api/cases/${enc(id)}/follow-up`, { body }),
  transcriptUrl: (id: string) => `/api/cases/${enc(id)}/transcript?format=html`,
  unseen: () => request<{ unseen: number }>('GET', '/api/cases/unseen'),
  seen: () => request<{ unseen: number }>('POST', '/api/cases/seen'),

  prefs: () => request<NotificationPrefs>('GET', '/api/me/notification-preferences'),
  savePrefs: (patch: Partial<NotificationPrefs>) =>
    request<NotificationPrefs>('PUT', '/api/me/notification-preferences', patch),

  portals: () => request<Portal[]>('GET', '/api/portals'),
  /** One portal (technicians of its company too): e.g. whether it allows screen sharing. */
  portal: (id: string) => request<Portal>('GET', `/api/portals/${enc(id)}`),
  createPortal: (body: PortalInput) => request<Portal>('POST', '/api/portals', body),
  updatePortal: (id: string, body: Partial<PortalInput>) => request<Portal>('PATCH', `/api/portals/${enc(id)}`, body),
  deletePortal: (id: string) => request<unknown>('DELETE', `/api/portals/${enc(id)}`),
  embed: (id: string) => request<PortalEmbed>('GET', `/api/portals/${enc(id)}/embed`),
};
