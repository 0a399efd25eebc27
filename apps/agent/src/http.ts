import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AgentConfig } from './config-store.js';
import { ServerError } from './connection.js';
import type { MessageView } from './device-types.js';
import { MAX_FILE_BYTES } from './file-rules.js';
import { text, type Lang } from './i18n/agent-texts.js';

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  const body = text ? JSON.parse(text) : {};
  if (!res.ok)
    throw new ServerError(body.error ?? String(res.status), body.message ?? `HTTP ${res.status}`, res.status);
  return body as T;
}

/** Exchanges the admin's one-time enrolment code for this device's token. */
export async function enroll(
  serverUrl: string,
  code: string,
): Promise<{ token: string; device: { id: string; name: string } }> {
  const res = await fetch(`${serverUrl.replace(/\/+$/, '')}/api/device-enrolment`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return answer(res);
}

/** Sends a file into a chat (the server checks its type from the content and the 20 MB limit too). */
export async function sendFile(
  config: AgentConfig,
  conversationId: string,
  path: string,
  lang: Lang = 'en',
): Promise<{ message: { seq: number }; file: { id: string; name: string; size: number } }> {
  const info = await stat(path);
  if (!info.isFile()) throw new ServerError('NOT_A_FILE', text(lang, 'notAFile', { path }), 400);
  // Refuse locally before uploading 100 MB for nothing (the server has the same rule).
  if (info.size > MAX_FILE_BYTES + 1)
    throw new ServerError('PAYLOAD_TOO_LARGE', text(lang, 'fileTooLarge', { name: basename(path) }), 413);
  return sendFileData(config, conversationId, basename(path), await readFile(path));
}

/** Sends file content already in memory (the desktop window's upload). */
export async function sendFileData(
  config: AgentConfig,
  conversationId: string,
  name: string,
  data: Buffer,
): Promise<{ message: MessageView; file: { id: string; name: string; size: number } }> {
  const form = new FormData();
  form.append('file', new Blob([data]), name);
  const res = await fetch(`${config.serverUrl.replace(/\/+$/, '')}/api/device/chats/${conversationId}/files`, {
    method: 'POST',
    headers: { Authorization: `Device ${config.token}` },
    body: form,
  });
  return answer(res);
}

export async function downloadFile(config: AgentConfig, conversationId: string, fileId: string): Promise<Buffer> {
  const res = await fetch(
    `${config.serverUrl.replace(/\/+$/, '')}/api/device/chats/${conversationId}/files/${fileId}`,
    { headers: { Authorization: `Device ${config.token}` } },
  );
  if (!res.ok) await answer(res);
  return Buffer.from(await res.arrayBuffer());
}
