import { mask } from './index.js';

// Found by the property tests: a version-like token inside an email acted as negative context for
// a nearby number; masking the email removed it, so a second pass masked the number.
describe('mask is idempotent when an email carries number-like context', () => {
  it.each([
    ['-v2.3.1melissa@gmail.com 06 12 34 56 78', '-*************@gmail.com ******5678'],
    ['4111 1111 1111 1111 +v2.3.1John.Doe+x@Example.co.uk', '************1111 +****************@Example.co.uk'],
    // A keyword in the domain ("....SSN") is context neither before nor after the address is masked.
    ['melissa@gmail.com.SSN 536228726', 'm******@gmail.com.SSN 536228726'],
    ['m******@gmail.com.SSN 536228726', 'm******@gmail.com.SSN 536228726'],
  ])('%s', (input, expected) => {
    const once = mask(input).text;
    expect(once).toBe(expected);
    expect(mask(once).text).toBe(once);
  });

  it('still reads context outside the email (an order number next to an email is not a phone)', () => {
    expect(mask('order 0612345678 from bob@example.com').text).toBe('order 0612345678 from b**@example.com');
  });
});

describe('idempotence across neighbouring numbers', () => {
  it('a number hidden by a card in the same run of digits is masked on the first pass (fast-check counterexample)', () => {
    const once = mask('SSN 536228726- 4111 1111 1111 1111').text;
    expect(once).toBe('SSN *****8726- ************1111');
    expect(mask(once).text).toBe(once);
  });
});
