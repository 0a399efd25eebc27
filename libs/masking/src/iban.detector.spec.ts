import { detect, mask } from './index.js';

const ibans = (t: string) => detect(t, { types: ['IBAN'] }).map((e) => e.value);

describe('IBAN detector', () => {
  it.each(['FR76 3000 6000 0112 3456 7890 189', 'DE89370400440532013000', 'GB29 NWBK 6016 1331 9268 19', 'NL91ABNA0417164300', 'FR1420041010050500013M02606', 'fr7630006000011234567890189', 'MC58 1122 2000 0101 2345 6789 030'])(
    'detects %s',
    (iban) => expect(ibans(`IBAN: ${iban} merci`)).toEqual([iban]),
  );

  it('rejects bad check digits and truncated numbers', () => {
    expect(ibans('FR76 3000 6000 0112 3456 7890 188')).toEqual([]);
    expect(ibans('FR76 3000 6000')).toEqual([]);
    expect(ibans('GB00 0000 0000 0000 0000 00')).toEqual([]);
  });

  it('masks with whitespace removed, last four digits kept', () => {
    expect(mask('IBAN FR76 3000 6000 0112 3456 7890 189.').text).toBe('IBAN ***********************0189.');
  });
});
