import { randomBytes } from 'node:crypto';

// Monotonic within a process (RFC 9562 "method 1": a 12-bit counter in rand_a): several ids made
// in the same millisecond still sort in creation order, so id-ordered logs and keyset cursors
// keep the order things happened in.
let lastMs = -1;
let seq = 0;

/**
 * Time-ordered UUID (version 7 layout): ids sort by creation time, which keeps B-tree inserts
 * append-only and gives cursor pagination a stable order without an extra column.
 */
export function newId(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    seq++;
    if (seq > 0xfff) {
      ms = ++lastMs;
      seq = 0;
    }
  } else {
    seq = randomBytes(2).readUInt16BE(0) & 0x3ff; // random start, room to count up
  }
  lastMs = ms;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
