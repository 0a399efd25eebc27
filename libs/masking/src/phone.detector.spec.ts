import { detect, mask } from './index.js';

const phones = (t: string, regions?: string[]) => detect(t, { types: ['PHONE'], regions }).map((e) => e.value);

describe('phone detector', () => {
  it('masks the spec examples', () => {
    expect(mask('+ 1 (123) 456 7890').text).toBe('**********7890');
    expect(mask('+447966197542').text).toBe('*********7542');
  });

  it.each(['+33 6 12 34 56 78', '0033 6 12 34 56 78', '+44 (0)20 7946 0958', '+49 30 901820', '+1-415-555-2671', '+61 4 1234 5678'])('detects international %s', (p) => {
    expect(phones(`call ${p} now`)).toEqual([p]);
  });

  it.each(['06 12 34 56 78', '07.81.23.45.67', '07966 197542', '020 7946 0958', '030 12345678', '(415) 555-2671', '415-555-2671'])('detects national %s', (p) => {
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
    'order 0612345678', 'commande n° 0612345678', 'FedEx 123456789012', 'IP 192.168.100.200', 'on 2024-05-12 14:30',
    'born 04.12.1985', 'version 10.0.19045.3803', '1 2 3 4 5 6 7 8 9 10', 'tracking 1Z999AA10123456784', 'ref 4155552671',
    '4155552671', 'price 1 299,99 €', 'IMEI 35 209900 176148 1',
  ])('ignores %s', (t) => expect(phones(t)).toEqual([]));
});
