import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InboundRequest } from '@switchboard/plugin-sdk';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The raw body bytes (binary-safe when the host gives base64). */
export const bodyBytes = (req: InboundRequest) =>
  req.bodyBase64 !== undefined ? Buffer.from(req.bodyBase64, 'base64') : Buffer.from(req.body, 'utf8');

/**
 * A provider's inbound webhook is authentic when it carries either the HMAC-SHA256 of the raw
 * body under the instance's secret (`X-Switchboard-Signature: sha256=<hex>`, as GitHub-style
 * webhooks sign), or the shared secret itself (`Authorization: Bearer <secret>` or
 * `X-Webhook-Secret: <secret>`) for providers that cannot sign. Compared in constant time.
 */
export function verifyWebhook(req: InboundRequest, secret: string): boolean {
  if (!secret) return false;
  const signature = req.headers['x-switchboard-signature'];
  if (signature) {
    const expected = `sha256=${createHmac('sha256', secret).update(bodyBytes(req)).digest('hex')}`;
    return same(signature.trim().toLowerCase(), expected);
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers['authorization'] ?? '')?.[1];
  const shared = bearer ?? req.headers['x-webhook-secret'];
  return !!shared && same(shared.trim(), secret);
}

/** The RFC 822 message in a webhook body: raw (`message/rfc822`, `text/plain`) or JSON `{ "raw": "…" }` / `{ "rawBase64": "…" }`. */
export function rawMessageOf(req: InboundRequest): Buffer {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    const body = JSON.parse(req.body) as { raw?: unknown; rawBase64?: unknown };
    if (typeof body.rawBase64 === 'string') return Buffer.from(body.rawBase64, 'base64');
    if (typeof body.raw === 'string') return Buffer.from(body.raw, 'utf8');
    throw new Error('JSON webhook bodies must carry the message as "raw" or "rawBase64"');
  }
  const bytes = bodyBytes(req);
  if (!bytes.length) throw new Error('empty body: expected a raw RFC 822 message');
  return bytes;
}
