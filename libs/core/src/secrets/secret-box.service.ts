import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretKeyError } from './secret-key.error.js';
import { SecretKeyRing } from './secret-key-ring.js';

const PREFIX = 'enc:v1:';
const ENVELOPE = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

/**
 * Seals secrets stored in the database (session signing key, webhook secrets, plugin settings of
 * type `secret`) with AES-256-GCM: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url). A value
 * without the prefix is a plaintext row from before encryption: `open` returns it as-is and
 * `needsReseal` says it must be written back sealed.
 */
@Injectable()
export class SecretBox {
  constructor(private readonly ring: SecretKeyRing) {}

  isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.ring.current.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${PREFIX}${this.ring.current.id}:${iv.toString('base64url')}:${tag.toString('base64url')}:${body.toString('base64url')}`;
  }

  /** The plaintext; throws SecretKeyError when no configured key opens it (wrong key, tampered row). */
  open(stored: string, what = 'a stored secret'): string {
    if (!this.isSealed(stored)) return stored;
    const match = ENVELOPE.exec(stored);
    if (!match) throw new SecretKeyError(`${what} is not a valid encrypted value (enc:v1:…)`);
    const [, kid, iv, tag, body] = match;
    const key = this.ring.key(kid);
    if (!key) {
      throw new SecretKeyError(
        `${what} was encrypted with key id ${kid}, which is neither SWITCHBOARD_SECRET_KEY nor one of ` +
          `SWITCHBOARD_SECRET_KEY_PREVIOUS (configured key ids: ${this.ring.ids.join(', ')}). ` +
          'Start with the key it was written with (see README, Security).',
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError(`${what} does not decrypt with key id ${kid}: the row was altered or the key is wrong`);
    }
  }

  /** Plaintext rows and rows sealed with a previous key are written back with the current key. */
  needsReseal(stored: string): boolean {
    return !stored.startsWith(`${PREFIX}${this.ring.current.id}:`);
  }
}
