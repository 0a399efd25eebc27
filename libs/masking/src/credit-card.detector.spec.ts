import { detect, mask } from './index.js';
import { isKnownNetwork } from './credit-card.detector.js';

const cards = (t: string) => detect(t, { types: ['CREDIT_CARD'] }).map((e) => e.value);

describe('credit card detector', () => {
  it.each([
    ['4111111111111111'],
    ['5555 5555 5555 4444'],
    ['2223-0031-2200-3222'],
    ['3782 822463 10005'],
    ['6011111111111117'],
    ['3530111333300000'],
    ['6200000000000005'],
    ['6759649826438453'],
    ['4222222222222'],
  ])('detects %s', (n) => expect(cards(`card ${n} ok`)).toEqual([n]));

  it('masks all but the last four digits, whitespace removed', () => {
    expect(mask('4625 9780 1212 7514').text).toBe('************7514');
    expect(mask('card 4111-1111-1111-1111.').text).toBe('card ***************1111.');
  });

  it('requires a valid Luhn checksum and a known network', () => {
    expect(cards('card 4111 1111 1111 1112')).toEqual([]);
    expect(cards('card 1234 5678 9012 3456')).toEqual([]);
    expect(isKnownNetwork('9111111111111111')).toBe(false);
    expect(isKnownNetwork('2720991111111111')).toBe(true);
    expect(isKnownNetwork('2721001111111111')).toBe(false);
  });

  it('ignores Luhn-valid ids: IMEI, SIRET, order numbers', () => {
    expect(cards('IMEI 352099001761481')).toEqual([]);
    expect(cards('SIRET 362 521 879 00034')).toEqual([]);
    expect(cards('36252187900034')).toEqual([]);
    expect(cards('order number 4532015112830366')).toEqual([]);
    expect(cards('ref. 4111111111111111')).toEqual([]);
  });
});
