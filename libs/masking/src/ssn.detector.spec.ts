import { detect, mask } from './index.js';
import { isValidSsnDigits } from './ssn.detector.js';

const ssns = (t: string) => detect(t, { types: ['US_SSN'] }).map((e) => e.value);

describe('US SSN detector', () => {
  it('detects the dashed form anywhere', () => {
    expect(ssns('here: 123-45-6789')).toEqual(['123-45-6789']);
    expect(mask('SSN 123-45-6789').text).toBe('SSN *******6789');
  });

  it('needs an SSN word for bare and spaced forms', () => {
    expect(ssns('my SSN is 536228726')).toEqual(['536228726']);
    expect(ssns('numéro de sécurité sociale 536 22 8726')).toEqual(['536 22 8726']);
    expect(ssns('random 536228726 in a log')).toEqual([]);
    expect(ssns('536 22 8726')).toEqual([]);
  });

  it.each(['000-12-3456', '666-12-3456', '900-12-3456', '999-12-3456', '123-00-4567', '123-45-0000'])(
    'rejects invalid range %s',
    (s) => {
      expect(ssns(`SSN ${s}`)).toEqual([]);
    },
  );

  it('validates ranges', () => {
    expect(isValidSsnDigits('078051120')).toBe(true);
    expect(isValidSsnDigits('899991234')).toBe(true);
    expect(isValidSsnDigits('666121234')).toBe(false);
  });

  it('is not fooled by ids in SSN shape', () => {
    expect(ssns('order 123-45-6789')).toEqual([]);
    expect(ssns('123-45-6789-12')).toEqual([]);
  });
});
