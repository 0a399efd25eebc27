// Visitor-side REST calls (contract: libs/cases/README.md §2). No cookies: the visitor is identified
// only by the portal session token returned when the chat/request is created (`Authorization: Portal`).

export type PortalViewKind = 'chat' | 'support_request' | 'unavailable';

export interface PortalInfo {
  name: string;
  subdomain: string;
  view: PortalViewKind;
  message?: string;
  colors?: { primary?: string; background?: string; text?: string } | null;
  logoUrl?: string | null;
  welcomeText?: string | null;
  maxLength?: number;
}

export type CaseType = 'live_chat' | 'support_request';
export type ChatStatus = 'waiting' | 'active' | 'ended';

export interface PublicCase {
  id: string;
  type: CaseType;
  chatStatus: ChatStatus;
  endedReason: string | null;
  technician: { name: string } | null;
  portal: { name: string; subdomain: string };
  lastSeq: number;
  createdAt: string;
  endedAt: string | null;
}

export interface ChatMessage {
  id: string;
  conversationId?: string;
  seq: number;
  clientId: string | null;
  kind: 'text' | 'system' | 'file';
  body: string;
  author: { kind: 'contact' | 'technician' | 'system'; id: string | null; name: string };
  createdAt: string;
  /** Client-only: a message of ours not yet acknowledged ('sending') or that failed. */
  pending?: 'sending' | 'failed';
}

export interface Created {
  token: string;
  caseId: string;
  conversationId: string;
  type: CaseType;
}

export interface Submission {
  firstName: string;
  lastName: string;
  email: string;
  question: string;
  language?: string;
}

export class PortalError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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
  let data: any = null;
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

/** Merge messages by id (a resend or a replayed join may deliver one twice), ordered by seq. */
export function mergeMessages(list: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (!incoming.length) return list;
  const byId = new Map<string, ChatMessage>();
  const byClient = new Map<string, string>();
  for (const m of list) {
    byId.set(m.id, m);
    if (m.clientId) byClient.set(m.clientId, m.id);
  }
  for (const m of incoming) {
    // Our optimistic copy (id = clientId) is replaced by the committed one.
    const local = m.clientId ? byClient.get(m.clientId) : undefined;
    if (local && local !== m.id) byId.delete(local);
    byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => (a.pending ? 1 : 0) - (b.pending ? 1 : 0) || a.seq - b.seq);
}
