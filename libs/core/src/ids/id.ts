import { randomFillSync } from 'node:crypto';

// Monotonic within a process (RFC 9562 "method 1": a 12-bit counter in rand_a): several ids made
// in the same millisecond still sort in creation order, so id-ordered logs and keyset cursors
// keep the order things happened in.
let lastMs = -1;
let seq = 0;

// Entropy is drawn in 4 KiB blocks: a randomBytes() call per id (a new Buffer and a trip into the
// CSPRNG each time) was a visible share of the server's time per chat message.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let poolOffset = POOL_SIZE;
function entropy(n: number): number {
  if (poolOffset + n > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += n;
  return at;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
    const r = entropy(2);
    seq = ((pool[r] << 8) | pool[r + 1]) & 0x3ff; // random start, room to count up
  }
  lastMs = ms;
  const r = entropy(8);
  // 48-bit big-endian milliseconds (above 2^32, so split into high and low parts).
  const high = Math.floor(ms / 0x100000000);
  const low = ms >>> 0;
  return (
    HEX[(high >>> 8) & 0xff] +
    HEX[high & 0xff] +
    HEX[low >>> 24] +
    HEX[(low >>> 16) & 0xff] +
    '-' +
    HEX[(low >>> 8) & 0xff] +
    HEX[low & 0xff] +
    '-' +
    HEX[0x70 | ((seq >> 8) & 0x0f)] +
    HEX[seq & 0xff] +
    '-' +
    HEX[(pool[r] & 0x3f) | 0x80] +
    HEX[pool[r + 1]] +
    '-' +
    HEX[pool[r + 2]] +
    HEX[pool[r + 3]] +
    HEX[pool[r + 4]] +
    HEX[pool[r + 5]] +
    HEX[pool[r + 6]] +
    HEX[pool[r + 7]]
  );
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
