import { isPermission, isUrlAllowed, missingPermissions } from './permissions.js';

describe('permissions', () => {
  it('knows domain and net permissions', () => {
    expect(isPermission('contacts.read')).toBe(true);
    expect(isPermission('net:api.example.com')).toBe(true);
    expect(isPermission('net:*.example.com')).toBe(true);
    expect(isPermission('net:api.example.com:8443')).toBe(true);
    expect(isPermission('contacts.*')).toBe(false);
    expect(isPermission('net:')).toBe(false);
    expect(isPermission('net:https://x.com')).toBe(false);
    expect(isPermission('admin')).toBe(false);
  });

  it('allows only granted hosts over http(s)', () => {
    const granted = ['net:api.example.com', 'net:*.cdn.test', 'net:local.test:8080'];
    expect(isUrlAllowed(granted, 'https://api.example.com/v1')).toBe(true);
    expect(isUrlAllowed(granted, 'https://API.example.com/v1')).toBe(true);
    expect(isUrlAllowed(granted, 'https://evil.com/?x=api.example.com')).toBe(false);
    expect(isUrlAllowed(granted, 'https://api.example.com.evil.com/')).toBe(false);
    expect(isUrlAllowed(granted, 'https://user:pw@api.example.com/')).toBe(false);
    expect(isUrlAllowed(granted, 'ftp://api.example.com/')).toBe(false);
    expect(isUrlAllowed(granted, 'https://a.cdn.test/')).toBe(true);
    expect(isUrlAllowed(granted, 'https://cdn.test/')).toBe(false);
    expect(isUrlAllowed(granted, 'https://xcdn.test/')).toBe(false);
    expect(isUrlAllowed(granted, 'http://local.test:8080/')).toBe(true);
    expect(isUrlAllowed(granted, 'http://local.test:9090/')).toBe(false);
    expect(isUrlAllowed(granted, 'not a url')).toBe(false);
  });

  it('lists missing permissions', () => {
    expect(missingPermissions(['kv', 'contacts.read'], ['kv'])).toEqual(['contacts.read']);
  });
});
