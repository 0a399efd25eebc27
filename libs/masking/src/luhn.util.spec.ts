import { luhn } from './luhn.util.js';

describe('luhn', () => {
  it.each(['4111111111111111', '4625978012127514', '371449635398431', '79927398713'])('accepts %s', (d) =>
    expect(luhn(d)).toBe(true),
  );
  it.each(['4111111111111112', '1234567890123456', '', '41a1'])('rejects %s', (d) => expect(luhn(d)).toBe(false));
});
