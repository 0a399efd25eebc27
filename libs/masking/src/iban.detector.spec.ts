import { composeIBAN, countrySpecs, isValidIBAN } from 'ibantools';
import { isValidIbanCompact } from './iban.detector.js';
import { detect, mask } from './index.js';

const ibans = (t: string) => detect(t, { types: ['IBAN'] }).map((e) => e.value);

describe('IBAN detector', () => {
  it.each([
    'FR76 3000 6000 0112 3456 7890 189',
    'DE89370400440532013000',
    'GB29 NWBK 6016 1331 9268 19',
    'NL91ABNA0417164300',
    'FR1420041010050500013M02606',
    'fr7630006000011234567890189',
    'MC58 1122 2000 0101 2345 6789 030',
  ])('detects %s', (iban) => expect(ibans(`IBAN: ${iban} merci`)).toEqual([iban]));

  it('rejects bad check digits and truncated numbers', () => {
    expect(ibans('FR76 3000 6000 0112 3456 7890 188')).toEqual([]);
    expect(ibans('FR76 3000 6000')).toEqual([]);
    expect(ibans('GB00 0000 0000 0000 0000 00')).toEqual([]);
  });

  it('masks with whitespace removed, last four digits kept', () => {
    expect(mask('IBAN FR76 3000 6000 0112 3456 7890 189.').text).toBe('IBAN ***********************0189.');
  });
});

describe('compiled IBAN table', () => {
  // isValidIbanCompact replaces ibantools' isValidIBAN per candidate: the verdicts must be the same.
  it('agrees with ibantools isValidIBAN on random and corrupted IBANs', () => {
    let a = 12345;
    const rnd = () => {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const countries = Object.keys(countrySpecs).filter((c) => countrySpecs[c].chars);
    const bad: string[] = [];
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      const cc = countries[Math.floor(rnd() * countries.length)];
      const len = countrySpecs[cc].chars! + (rnd() < 0.1 ? Math.floor(rnd() * 3) - 1 : 0);
      const digitsOnly = rnd() < 0.6;
      let bban = '';
      for (let k = 4; k < len; k++)
        bban += digitsOnly ? String.fromCharCode(48 + Math.floor(rnd() * 10)) : ALNUM[Math.floor(rnd() * ALNUM.length)];
      const composed = rnd() < 0.8 ? composeIBAN({ countryCode: cc, bban: bban.toUpperCase() }) : null;
      const iban = composed ?? cc + String(Math.floor(rnd() * 100)).padStart(2, '0') + bban;
      for (const v of [
        iban,
        iban.slice(0, 2) + ['00', '01', '99', '97', '98', '02'][i % 6] + iban.slice(4),
        iban.toLowerCase(),
      ]) {
        const ref = isValidIBAN(v.toUpperCase());
        if (ref) valid++;
        if (isValidIbanCompact(v) !== ref) bad.push(v);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(valid).toBeGreaterThan(1000);
  });

  it('agrees with ibantools on French/Monaco RIBs with letters (national key check)', () => {
    let a = 777;
    const rnd = () => {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    const UP = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const bad: string[] = [];
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      let bban = '';
      for (let k = 0; k < 23; k++)
        bban += k >= 10 && k < 21 && rnd() < 0.4 ? UP[10 + Math.floor(rnd() * 26)] : String(Math.floor(rnd() * 10));
      // Half with a correct RIB key (the last two digits) so the national check passes often.
      if (i % 2 === 0) {
        let r = 0;
        const map = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9];
        for (const ch of bban.slice(0, 21)) r = (r * 10 + (ch >= 'A' ? map[ch.charCodeAt(0) - 65] : +ch)) % 97;
        bban = bban.slice(0, 21) + String(97 - ((r * 100) % 97)).padStart(2, '0');
      }
      const iban = composeIBAN({ countryCode: i % 3 === 0 ? 'MC' : 'FR', bban });
      if (!iban) continue;
      const ref = isValidIBAN(iban);
      if (ref) valid++;
      if (isValidIbanCompact(iban) !== ref) bad.push(iban);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(valid).toBeGreaterThan(1000);
  });
});
