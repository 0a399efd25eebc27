import { detect, mask } from './index.js';

const emails = (t: string) => detect(t, { types: ['EMAIL'] }).map((e) => e.value);

describe('email detector', () => {
  it.each([
    'melissa@gmail.com',
    'John.Doe+tag@Example.co.uk',
    'IT-desk@mail.corp.acme.io',
    'JANE@OUTLOOK.COM',
    'jean-rené.dupont@orange.fr',
  ])('detects %s', (e) => {
    expect(emails(`mail: ${e}.`)).toEqual([e]);
  });

  it('masks the local part except its first character', () => {
    expect(mask('melissa@gmail.com').text).toBe('m******@gmail.com');
    expect(mask('<John.Doe+x@Example.co.uk>').text).toBe('<J*********@Example.co.uk>');
  });

  it('ignores non-addresses and masked addresses', () => {
    expect(emails('logo@2x.png, @support, name at domain dot com, a@b')).toEqual([]);
    expect(emails('m******@gmail.com')).toEqual([]);
  });

  it('finds an address inside a file name (#13.3), not an asset name', () => {
    expect(emails('statement bob@example.com.txt')).toEqual(['bob@example.com']);
    expect(emails('refund jane.doe@mail.example.co.uk.pdf')).toEqual(['jane.doe@mail.example.co.uk']);
    expect(emails('icon@2x.png, a@b.pdf, x@host.png')).toEqual([]);
    expect(mask('statement bob@example.com.txt').text).toBe('statement b**@example.com.txt');
  });
});
