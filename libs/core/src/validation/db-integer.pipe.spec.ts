import { DbIntegerPipe } from './db-integer.pipe.js';

describe('DbIntegerPipe', () => {
  const pipe = new DbIntegerPipe();
  const meta = { type: 'param' as const, data: 'number' };

  it('passes whole numbers from 1 to the integer column maximum', () => {
    expect(pipe.transform('1', meta)).toBe(1);
    expect(pipe.transform('2147483647', meta)).toBe(2147483647);
  });

  it.each(['0', '-1', '2147483648', '99999999999', '1.5', '1e3', 'abc', ''])('refuses %p with a 400 naming it', (v) => {
    expect(() => pipe.transform(v, meta)).toThrow(/number must be a whole number from 1 to 2147483647/);
  });
});
