import type { IncomingMessage } from 'node:http';
import { checkAccess, newSecret, secretCookie } from './local-access';

const req = (url: string, headers: Record<string, string>, method = 'GET') =>
  ({ url, method, headers }) as unknown as IncomingMessage;

describe('desktop agent local access', () => {
  const secret = newSecret();
  const host = { host: '127.0.0.1:5000' };

  it('makes a new 256-bit secret each run', () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(secret);
  });

  it('accepts the secret in the opened address (GET / only), then the cookie', () => {
    expect(checkAccess(req(`/?secret=${secret}`, host), secret, 5000)).toEqual({ ok: true, via: 'url' });
    expect(checkAccess(req(`/api/state?secret=${secret}`, host), secret, 5000)).toEqual({
      ok: false,
      reason: 'secret',
    });
    expect(checkAccess(req(`/?secret=${secret}`, host, 'POST'), secret, 5000)).toEqual({ ok: false, reason: 'secret' });
    const cookie = { ...host, cookie: `other=1; ${secretCookie(secret).split(';')[0]}` };
    expect(checkAccess(req('/events', cookie), secret, 5000)).toEqual({ ok: true, via: 'cookie' });
    expect(secretCookie(secret)).toBe(`sb_agent=${secret}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('refuses a wrong or missing secret, another host name or port, and a foreign origin', () => {
    expect(checkAccess(req('/', host), secret, 5000)).toEqual({ ok: false, reason: 'secret' });
    expect(checkAccess(req('/', { ...host, cookie: `sb_agent=${secret}x` }), secret, 5000).ok).toBe(false);
    const cookie = `sb_agent=${secret}`;
    expect(checkAccess(req('/', { host: 'evil.example:5000', cookie }), secret, 5000)).toEqual({
      ok: false,
      reason: 'host',
    });
    expect(checkAccess(req('/', { host: '127.0.0.1:5001', cookie }), secret, 5000).ok).toBe(false);
    expect(checkAccess(req('/', { host: 'localhost:5000', cookie }), secret, 5000).ok).toBe(true);
    expect(checkAccess(req('/', { ...host, cookie, origin: 'http://evil.example' }), secret, 5000)).toEqual({
      ok: false,
      reason: 'origin',
    });
    expect(checkAccess(req('/', { ...host, cookie, origin: 'http://127.0.0.1:5000' }), secret, 5000).ok).toBe(true);
  });
});
