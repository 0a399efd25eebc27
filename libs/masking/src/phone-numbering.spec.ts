import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';
import { phoneVerdict, PhoneVerdict } from './phone-numbering.js';

// The compiled replica must agree with libphonenumber-js on every input it claims to handle.
function reference(input: string, region?: string): PhoneVerdict {
  const p = region ? parsePhoneNumberFromString(input, region as CountryCode) : parsePhoneNumberFromString(input);
  if (!p) return PhoneVerdict.None;
  return p.isValid() ? PhoneVerdict.Valid : p.isPossible() ? PhoneVerdict.Possible : PhoneVerdict.None;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const callingCodes = Object.keys(
  (metadata as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes,
);
const REGIONS = ['US', 'GB', 'FR', 'DE', 'IT', 'ES', 'CH', 'BE', 'CA', 'AU', 'JP', 'BR', 'IN', 'NL', 'RU', 'AR', 'MX'];

export function compare(samples: number, seed: number): string[] {
  const rnd = rng(seed);
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(rnd() * 10));
    return s;
  };
  const bad: string[] = [];
  const check = (input: string, region?: string) => {
    const mine = phoneVerdict(input, region);
    if (mine === undefined) return;
    const ref = reference(input, region);
    if (mine !== ref) bad.push(`${input} ${region ?? ''}: ${mine} vs ${ref}`);
  };
  for (let i = 0; i < samples; i++) {
    const len = 5 + Math.floor(rnd() * 13);
    const cc = callingCodes[Math.floor(rnd() * callingCodes.length)];
    check('+' + cc + digits(len - cc.length));
    check('+' + digits(len));
    const region = REGIONS[Math.floor(rnd() * REGIONS.length)];
    check(digits(len), region);
    check('0' + digits(len - 1), region);
    check('00' + cc + digits(len - cc.length), region);
    check('1' + digits(len - 1), region);
  }
  return bad;
}

describe('phone numbering replica', () => {
  it('agrees with libphonenumber-js on random numbers', () => {
    expect(compare(4000, 1).slice(0, 10)).toEqual([]);
  });

  it.each([['+33612345678'], ['+447966197542'], ['+12125550147'], ['+4930901820'], ['+61412345678'], ['+35262112345']])(
    'handles %s',
    (n) => expect(phoneVerdict(n)).toBe(reference(n)),
  );

  it.each([
    ['0612345678', 'FR'],
    ['07966197542', 'GB'],
    ['03012345678', 'DE'],
    ['4155552671', 'US'],
    ['18005550199', 'US'],
    ['011447966197542', 'US'],
    ['0033612345678', 'FR'],
  ])('handles national %s (%s)', (n, r) => expect(phoneVerdict(n, r)).toBe(reference(n, r)));
});
