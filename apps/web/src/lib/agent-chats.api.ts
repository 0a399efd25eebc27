// Agent chat REST calls (libs/agent-chat): technicians' chats with the people at devices.
import type { AgentChatView, ApiSchema, EarlierInTicket, MessageView } from '@switchboard/contracts';
import { request } from './api.client';
import { clientTexts } from './client-texts.i18n';

const enc = encodeURIComponent;

/** Stated once in @switchboard/contracts (REST and the `agent-chat.*` events). */
export type AgentChat = AgentChatView;

/** A conversation message, plus the client-only state of one of ours not yet acknowledged. */
export type ChatMessage = MessageView & { pending?: 'sending' | 'failed' };

export type Device = ApiSchema<'DeviceViewDto'>;

export const agentChatsApi = {
  list: () => request<{ items: AgentChat[] }>('GET', '/api/agent-chats'),
  get: (id: string) => request<AgentChat>('GET', `/api/agent-chats/${enc(id)}`),
  messages: (id: string, afterSeq = 0) =>
    request<{ items: ChatMessage[] }>('GET', `/api/agent-chats/${enc(id)}/messages?afterSeq=${afterSeq}`),
  /** A chat started from a ticket: the ticket's earlier public conversation (masked for me), else null. */
  earlier: (id: string) =>
    request<{ companyId: string; earlier: EarlierInTicket | null }>('GET', `/api/agent-chats/${enc(id)}/earlier`),
  start: (input: { deviceId?: string; ticketNumber?: number }) =>
    request<{ chat: AgentChat; existing: boolean }>('POST', '/api/agent-chats', input),
  accept: (id: string) => request<AgentChat>('POST', `/api/agent-chats/${enc(id)}/accept`),
  decline: (id: string) => request<{ declined: boolean }>('POST', `/api/agent-chats/${enc(id)}/decline`),
  end: (id: string) => request<AgentChat>('POST', `/api/agent-chats/${enc(id)}/end`),
  renameTicket: (number: number, title: string) => request<unknown>('PATCH', `/api/tickets/${number}`, { title }),
  devices: (companyId?: string) =>
    request<{ items: Device[] }>('GET', `/api/devices?limit=200${companyId ? `&companyId=${enc(companyId)}` : ''}`),
  device: (id: string) => request<Device>('GET', `/api/devices/${enc(id)}`),
  fileUrl: (chatId: string, fileId: string) => `/api/agent-chats/${enc(chatId)}/files/${enc(fileId)}`,
};

/** XMLHttpRequest for the upload progress; the server checks type (content) and the 20 MB limit. */
export function uploadChatFile(
  chatId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ message: ChatMessage }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/agent-chats/${enc(chatId)}/files`);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status === 201) return resolve(xhr.response as { message: ChatMessage });
      const message = (xhr.response as { message?: string } | null)?.message;
      reject(
        new Error(
          message ??
            (xhr.status === 413
              ? clientTexts.t('filesTooLarge')
              : clientTexts.t('uploadFailed', { status: xhr.status })),
        ),
      );
    };
    xhr.onerror = () => reject(new Error(clientTexts.t('unreachable')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Why a chat ended, by reason: the same text as the end's system line (stated once in the contracts). */
