import { isUUID } from 'class-validator';
import { isId, newId } from './id.js';

describe('newId (UUID version 7)', () => {
  it('is a valid version 7, variant 10 UUID carrying the time in its first 48 bits', () => {
    const at = Date.UTC(2026, 10, 21, 12, 0, 0, 123);
    const id = newId(at);
    expect(isUUID(id, '7')).toBe(true);
    expect(isId(id)).toBe(true);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts in creation order, also within one millisecond and across the entropy pool refills', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId(1_800_000_000_000 + Math.floor(i / 1000)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays monotonic when the clock steps back', () => {
    const a = newId(1_900_000_000_500);
    const b = newId(1_900_000_000_100);
    expect(b > a).toBe(true);
  });

  it('spreads its random bits', () => {
    const tails = new Set(Array.from({ length: 2000 }, () => newId().slice(24)));
    expect(tails.size).toBe(2000);
  });
});
