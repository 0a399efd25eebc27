// Thin fetch wrapper. Auth rides on the httpOnly `sb_token` cookie (same-origin),
// so no token handling is needed for plain HTTP calls.
import { noteServerTime } from './server-clock';
import type { AppNotification, DemoLogin, LoginResponse, Me, PluginInfo } from './api.types';
import { apiErrorMessages, apiErrorText } from './api-errors.i18n';
import { clientTexts } from './client-texts.i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Validation errors per field (`details.fieldErrors` of a 400), when the server sent them. */
    readonly fieldErrors: Record<string, string[]> = {},
    /** The API's stable error code (`error`), e.g. NOT_FOUND, CASE_ALREADY_ASSIGNED. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Called on any 401 from an authenticated call, so the shell can drop back to the login page. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

// Nest errors carry `message` as a string or (validation pipe) a string array.
function messageOf(body: unknown, fallback: string): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.join(', ');
  return typeof message === 'string' && message ? message : fallback;
}

export async function request<T>(method: string, path: string, body?: unknown, notifyUnauthorized = true): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, apiErrorMessages.t('NETWORK'), {}, 'NETWORK');
  }
  noteServerTime(res.headers.get('x-server-time'));
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    if (res.status === 401 && notifyUnauthorized) onUnauthorized?.();
    const fieldErrors =
      (data as { details?: { fieldErrors?: Record<string, string[]> } } | null)?.details?.fieldErrors ?? {};
    const code = (data as { error?: unknown } | null)?.error;
    const known = typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code) ? code : null;
    const message = messageOf(data, res.statusText || clientTexts.t('requestFailed', { status: res.status }));
    throw new ApiError(res.status, apiErrorText(known, message), fieldErrors, known);
  }
  return data as T;
}

export const api = {
  // Login/me must not trigger the global 401 handler: a 401 there is an expected answer, not a lost session.
  login: (email: string, password: string) =>
    request<LoginResponse>('POST', '/api/auth/login', { email, password }, false),
  me: () => request<Me>('GET', '/api/auth/me', undefined, false),
  demoLogins: () => request<{ logins: DemoLogin[] }>('GET', '/api/auth/demo-logins', undefined, false),
  logout: () => request<unknown>('POST', '/api/auth/logout', undefined, false),
  setAvailability: (available: boolean) => request<Me>('PUT', '/api/me/availability', { available }),
  setSignature: (signature: string | null) => request<Me>('PUT', '/api/me/signature', { signature }),
  plugins: () => request<PluginInfo[]>('GET', '/api/plugins'),
  notifications: () =>
    request<{ items: (AppNotification & { read: boolean })[]; unread: number }>('GET', '/api/notifications?limit=50'),
  markNotificationsRead: () => request<unknown>('POST', '/api/notifications/read-all'),
};
