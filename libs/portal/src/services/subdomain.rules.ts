import { ValidationFailedError } from '@switchboard/core';

/** Names that would shadow our own hosts or paths, or confuse customers. */
export const RESERVED_SUBDOMAINS = new Set([
  'www',
  'api',
  'app',
  'admin',
  'mail',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'portal',
  'portals',
  'p',
  'static',
  'assets',
  'cdn',
  'help',
  'support',
  'status',
  'docs',
  'auth',
  'login',
  'dashboard',
  'agent',
  'device',
  'socket',
  'ws',
  'hooks',
  'public',
  'switchboard',
  'root',
  'localhost',
]);

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Normalises (trim, lower-case) and validates a subdomain as one DNS label (RFC 1035/1123). */
export function normaliseSubdomain(input: unknown): string {
  const value = typeof input === 'string' ? input.trim().toLowerCase() : '';
  if (!DNS_LABEL.test(value)) {
    throw new ValidationFailedError('Invalid subdomain', {
      subdomain: ['must be 1-63 characters: letters, digits and hyphens, not starting or ending with a hyphen'],
    });
  }
  if (RESERVED_SUBDOMAINS.has(value)) {
    throw new ValidationFailedError('Reserved subdomain', {
      subdomain: [`"${value}" is reserved, please choose another name`],
    });
  }
  return value;
}
