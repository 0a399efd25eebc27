// Visitor-side REST calls (contract: libs/cases/README.md §2). No cookies: the visitor is identified
// only by the portal session token returned when the chat/request is created (`Authorization: Portal`).
import type { ApiSchema, MessageView } from '@switchboard/contracts';
import { lang } from './i18n';

export type PortalViewKind = PortalInfo['view'];

/** GET /api/public/portals/:subdomain. */
export type PortalInfo = ApiSchema<'PublicPortalViewDto'>;

export type CaseType = PublicCase['type'];
export type ChatStatus = PublicCase['chatStatus'];

/** The visitor's view of their case (REST and the `chat.join` ack). */
export type PublicCase = ApiSchema<'PublicCaseViewDto'>;

/** A conversation message; ours carry no conversationId until acked, and a client-only pending state. */
export type ChatMessage = Omit<MessageView, 'conversationId'> & {
  conversationId?: string;
  pending?: 'sending' | 'failed';
};

export type Created = ApiSchema<'VisitorCaseCreatedDto'>;

/** POST /api/public/portals/:subdomain/... (a chat or a support request). */
export type Submission = ApiSchema<'VisitorSubmissionDto'>;

export class PortalError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    /** The server's stable error code (`PORTAL_UNAVAILABLE`…), to map onto our own texts. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  // The page's language (the visitor's switch, else the browser's): the server answers in it (#16).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Portal ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PortalError(0, 'network');
  }
  const text = await res.text();
  // Our error shape when not ok; the caller's T when ok.
  let data: { error?: unknown; message?: unknown; details?: { fieldErrors?: Record<string, string[]> } } | null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const m = data?.message;
    throw new PortalError(
      res.status,
      Array.isArray(m) ? m.join(', ') : typeof m === 'string' ? m : res.statusText,
      data?.details?.fieldErrors ?? {},
      typeof data?.error === 'string' ? data.error : null,
    );
  }
  return data as T;
}

const enc = encodeURIComponent;

export const portalApi = {
  info: (sub: string) => call<PortalInfo>('GET', `/api/public/portals/${enc(sub)}`),
  startChat: (sub: string, body: Submission) => call<Created>('POST', `/api/public/portals/${enc(sub)}/chats`, body),
  sendRequest: (sub: string, body: Submission) =>
    call<Created>('POST', `/api/public/portals/${enc(sub)}/requests`, body),
  getCase: (id: string, token: string) => call<PublicCase>('GET', `/api/public/cases/${enc(id)}`, undefined, token),
  messages: (id: string, token: string, afterSeq = 0) =>
    call<{ items: ChatMessage[] }>(
      'GET',
      `/api/public/cases/${enc(id)}/messages?afterSeq=${afterSeq}`,
      undefined,
      token,
    ),
  end: (id: string, token: string) => call<PublicCase>('POST', `/api/public/cases/${enc(id)}/end`, {}, token),
  convert: (id: string, token: string) => call<PublicCase>('POST', `/api/public/cases/${enc(id)}/convert`, {}, token),
  /** The transcript as a file (fetched with the token header, then saved through a blob link). */
  async downloadTranscript(id: string, token: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`/api/public/cases/${enc(id)}/transcript?format=html`, {
        headers: { authorization: `Portal ${token}` },
        credentials: 'omit',
      });
    } catch {
      throw new PortalError(0, 'network');
    }
    if (!res.ok) throw new PortalError(res.status, res.statusText);
    const name = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `chat-${id}.html`;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
