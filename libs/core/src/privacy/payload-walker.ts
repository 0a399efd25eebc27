/**
 * Keys whose string values are structure, not text a person wrote: ids, timestamps, enums, links,
 * cursors. Their values are never masked (masking an id or a cursor would break clients).
 * Everything else is text and goes through the masker.
 */
const STRUCTURAL_KEYS = new Set([
  'id',
  'number',
  'ticketNumber',
  'status',
  'statusCategory',
  'priority',
  'impact',
  'type',
  'kind',
  'role',
  'key',
  'visibility',
  'source',
  'url',
  'link',
  'href',
  'action',
  'activityStatus',
  'availability',
  'sentiment',
  'channel',
  'event',
  'scope',
  'authorKind',
  'actorKind',
  'contentType',
  'cursor',
  'nextCursor',
  'mergedInto',
  'changes',
  'reason',
  'state',
  'category',
  'mode',
  'permissions',
  'grantedPermissions',
  'os',
  'version',
  'apiVersion',
]);

/**
 * Keys whose whole value (any depth) is machine data relayed as is: a WebRTC signal (SDP offers
 * and answers, ICE candidates: long digit runs that look like card or phone numbers, and any
 * change breaks the connection) and ICE servers (TURN credentials). Nothing a person wrote.
 */
const OPAQUE_KEYS = new Set(['signal', 'iceServers']);

/** `id`, `*Id`, `*Ids`, `*At`, plus the allow-list above. */
export function isStructuralKey(key: string): boolean {
  return STRUCTURAL_KEYS.has(key) || key.endsWith('Id') || key.endsWith('Ids') || key.endsWith('At');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MAY_HOLD_PII = /[\d@]/;

/** Cheap filter before the detectors: every entity type needs a digit or an "@". */
export function mayHoldPii(text: string): boolean {
  return text.length >= 5 && MAY_HOLD_PII.test(text) && !UUID.test(text) && !ISO_DATE.test(text);
}

export type ScopedMask = (text: string, companyId: string | null) => string;

function isOpaque(value: object): boolean {
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  // Streams and Nest's StreamableFile: not JSON, left alone.
  return (
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    typeof (value as { getStream?: unknown }).getStream === 'function'
  );
}

/**
 * A masked copy of a JSON-like payload (the input is never mutated: the same view may also go to
 * an end user). Strings are masked with the company scope of the nearest enclosing object that
 * has a `companyId`, else `null` (the caller's fallback). Objects with `toJSON` (Date...) are
 * walked as they would be serialised, so the result is what JSON.stringify would send.
 */
export function maskPayloadWith(value: unknown, companyId: string | null, maskText: ScopedMask, depth = 0): unknown {
  if (typeof value === 'string') return mayHoldPii(value) ? maskText(value, companyId) : value;
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => maskPayloadWith(v, companyId, maskText, depth + 1));
  if (isOpaque(value)) return value;
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return maskPayloadWith(toJSON.call(value), companyId, maskText, depth + 1);
  const record = value as Record<string, unknown>;
  const scope = typeof record.companyId === 'string' ? record.companyId : companyId;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const v = record[key];
    out[key] =
      OPAQUE_KEYS.has(key) || (typeof v === 'string' && isStructuralKey(key))
        ? v
        : maskPayloadWith(v, scope, maskText, depth + 1);
  }
  return out;
}
