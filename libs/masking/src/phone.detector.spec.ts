import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';
import { detect, mask } from './index.js';

const phones = (t: string, regions?: string[]) => detect(t, { types: ['PHONE'], regions }).map((e) => e.value);

describe('phone detector', () => {
  it('masks the spec examples', () => {
    expect(mask('+ 1 (123) 456 7890').text).toBe('**********7890');
    expect(mask('+447966197542').text).toBe('*********7542');
  });

  it.each([
    '+33 6 12 34 56 78',
    '0033 6 12 34 56 78',
    '+44 (0)20 7946 0958',
    '+49 30 901820',
    '+1-415-555-2671',
    '+61 4 1234 5678',
  ])('detects international %s', (p) => {
    expect(phones(`call ${p} now`)).toEqual([p]);
  });

  it.each([
    '06 12 34 56 78',
    '07.81.23.45.67',
    '07966 197542',
    '020 7946 0958',
    '030 12345678',
    '(415) 555-2671',
    '415-555-2671',
  ])('detects national %s', (p) => {
    expect(phones(`tel ${p}`)).toEqual([p]);
  });

  it('honours the regions option for national numbers', () => {
    expect(phones('mon 06 12 34 56 78', ['US'])).toEqual([]);
    expect(phones('mon 06 12 34 56 78', ['FR'])).toEqual(['06 12 34 56 78']);
    expect(phones('mein 030 12345678', ['fr'])).toEqual([]);
    expect(phones('mein 030 12345678', ['DE'])).toEqual(['030 12345678']);
    // International numbers do not depend on regions.
    expect(phones('+33 6 12 34 56 78', ['US'])).toEqual(['+33 6 12 34 56 78']);
  });

  it('splits two numbers written back to back', () => {
    expect(phones('06 12 34 56 78 07 98 76 54 32')).toEqual(['06 12 34 56 78', '07 98 76 54 32']);
  });

  it.each([
    'order 0612345678',
    'commande n° 0612345678',
    'FedEx 123456789012',
    'IP 192.168.100.200',
    'on 2024-05-12 14:30',
    'born 04.12.1985',
    'version 10.0.19045.3803',
    '1 2 3 4 5 6 7 8 9 10',
    'tracking 1Z999AA10123456784',
    'ref 4155552671',
    '4155552671',
    'price 1 299,99 €',
    'IMEI 35 209900 176148 1',
  ])('ignores %s', (t) => expect(phones(t)).toEqual([]));
});

describe('North American shortcut', () => {
  // national() skips calling-code-1 regions for numbers starting with "0" (other than the IDD "011"):
  // libphonenumber-js must never find such a number valid.
  it('no "0..." national number is valid in a calling-code-1 region', () => {
    const countries = (metadata as unknown as { countries: Record<string, unknown[]> }).countries;
    const nanp = Object.keys(countries).filter((c) => countries[c][0] === '1' && countries[c][1] === '011');
    expect(nanp.length).toBeGreaterThan(10);
    let a = 99;
    const rnd = () => {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    const valid: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const len = 7 + Math.floor(rnd() * 11);
      let d = '0';
      for (let k = 1; k < len; k++) d += String.fromCharCode(48 + Math.floor(rnd() * 10));
      if (d.startsWith('011')) continue;
      const r = nanp[i % nanp.length] as CountryCode;
      if (parsePhoneNumberFromString(d, r)?.isValid()) valid.push(`${d} ${r}`);
    }
    expect(valid).toEqual([]);
  });

  it('no national number of more than 12 digits (not "0...") is valid in a calling-code-1 region', () => {
    const countries = (metadata as unknown as { countries: Record<string, unknown[]> }).countries;
    const nanp = Object.keys(countries).filter((c) => countries[c][0] === '1' && countries[c][1] === '011');
    let a = 7;
    const rnd = () => {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    const valid: string[] = [];
    for (let i = 0; i < 8000; i++) {
      const len = 13 + Math.floor(rnd() * 5);
      // Half of them built from a valid-looking 10-digit number with "1"/"11" prefixes and extra digits.
      let d =
        i % 2 === 0 ? String(1 + Math.floor(rnd() * 9)) : ['1', '11', '1'][i % 3] + String(2 + Math.floor(rnd() * 8));
      while (d.length < len) d += String.fromCharCode(48 + Math.floor(rnd() * 10));
      const r = nanp[i % nanp.length] as CountryCode;
      if (parsePhoneNumberFromString(d, r)?.isValid()) valid.push(`${d} ${r}`);
    }
    expect(valid).toEqual([]);
  });

  it('no national number starting with 2-9 is valid in a calling-code-1 region unless it has 7 or 10 digits', () => {
    const countries = (metadata as unknown as { countries: Record<string, unknown[]> }).countries;
    const nanp = Object.keys(countries).filter((c) => countries[c][0] === '1' && countries[c][1] === '011');
    let a = 3;
    const rnd = () => {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    const valid: string[] = [];
    let control = 0;
    for (let i = 0; i < 12000; i++) {
      const len = [8, 9, 11, 12, 10][i % 5];
      let d = String(2 + Math.floor(rnd() * 8));
      while (d.length < len) d += String.fromCharCode(48 + Math.floor(rnd() * 10));
      const r = nanp[i % nanp.length] as CountryCode;
      // Also from valid numbers: extra digits appended or the last one dropped.
      const ok = parsePhoneNumberFromString(d, r)?.isValid() ?? false;
      if (len === 10) {
        if (ok) {
          control++;
          for (const v of [d + '1', d + '23', d.slice(0, 9), d.slice(0, 8)])
            if (parsePhoneNumberFromString(v, r)?.isValid()) valid.push(`${v} ${r}`);
        }
      } else if (ok) valid.push(`${d} ${r}`);
    }
    expect(control).toBeGreaterThan(100);
    expect(valid).toEqual([]);
  });
});
