// "My tickets" REST calls: the session is the httpOnly sb_portal cookie (same origin), never readable here.
import type { ApiSchema } from '@switchboard/contracts';
import { lang } from './i18n';
import { PortalError } from './portal.api';

export type PortalTicketSummary = ApiSchema<'PortalTicketSummaryDto'>;
export type PortalTicket = ApiSchema<'PortalTicketDto'>;
export type PortalComment = ApiSchema<'PortalCommentViewDto'>;
export type PortalMe = ApiSchema<'PortalMeDto'>;
export type PortalFile = ApiSchema<'PortalFileDto'>;
export type CsatSurvey = ApiSchema<'CsatSurveyViewDto'>;
export type PortalCsat = ApiSchema<'PortalCsatDto'>;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new PortalError(0, 'network');
  }
  const text = await res.text();
  let data: { message?: unknown; details?: { fieldErrors?: Record<string, string[]> } } | null = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const m = data?.message;
    throw new PortalError(res.status, typeof m === 'string' ? m : res.statusText, data?.details?.fieldErrors ?? {});
  }
  return data as T;
}

const enc = encodeURIComponent;

export const ticketsApi = {
  requestLink: (sub: string, email: string, language: string) =>
    call<{ accepted: boolean }>('POST', `/api/public/portals/${enc(sub)}/sign-in`, { email, language }),
  redeem: (sub: string, token: string) =>
    call<{ accessToken: string }>('POST', `/api/public/portals/${enc(sub)}/session`, { token }),
  me: () => call<PortalMe>('GET', '/api/portal/me'),
  signOut: () => call<void>('POST', '/api/portal/sign-out', {}),
  list: () => call<{ items: PortalTicketSummary[] }>('GET', '/api/portal/tickets'),
  get: (n: number) => call<PortalTicket>('GET', `/api/portal/tickets/${n}?lang=${lang}`),
  rate: (n: number, score: number, comment: string) =>
    call<{ state: string }>('POST', `/api/portal/tickets/${n}/csat`, { score, ...(comment ? { comment } : {}) }),
  survey: (token: string) => call<CsatSurvey>('GET', `/api/public/csat/${enc(token)}?lang=${lang}`),
  answerSurvey: (token: string, score: number, comment: string) =>
    call<{ state: string }>('POST', `/api/public/csat/${enc(token)}`, { score, ...(comment ? { comment } : {}) }),
  reply: (n: number, body: string, attachmentIds: string[]) =>
    call<PortalComment>('POST', `/api/portal/tickets/${n}/comments`, { body, attachmentIds }),
  create: (title: string, description: string) =>
    call<{ number: number }>('POST', '/api/portal/tickets', { title, description }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call<PortalFile>('POST', '/api/portal/files', form);
  },
  fileUrl: (n: number, id: string) => `/api/portal/tickets/${n}/files/${enc(id)}`,
};
