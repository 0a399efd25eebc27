import { createHash, hkdfSync } from 'node:crypto';
import { SecretKeyError } from './secret-key.error.js';

export const MIN_SECRET_KEY_LENGTH = 32;

interface RingKey {
  id: string;
  key: Buffer;
}

/**
 * The keys secrets at rest are sealed with: the current one (writes and reads) and previous ones
 * (reads only, during a rotation). A key is any string of 32+ characters; the AES key is derived
 * from it with HKDF so a passphrase-like value still gives a uniform 256-bit key. The key id is a
 * hash of the derived key: envelopes name the key they need without revealing anything of it.
 */
export class SecretKeyRing {
  readonly current: RingKey;
  private readonly byId = new Map<string, Buffer>();

  constructor(current: string, previous: readonly string[] = []) {
    this.current = SecretKeyRing.derive(current, 'SWITCHBOARD_SECRET_KEY');
    this.byId.set(this.current.id, this.current.key);
    previous.forEach((value, i) => {
      const k = SecretKeyRing.derive(value, `SWITCHBOARD_SECRET_KEY_PREVIOUS[${i}]`);
      if (!this.byId.has(k.id)) this.byId.set(k.id, k.key);
    });
  }

  key(id: string): Buffer | undefined {
    return this.byId.get(id);
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  private static derive(value: string, name: string): RingKey {
    if (typeof value !== 'string' || value.trim().length < MIN_SECRET_KEY_LENGTH)
      throw new SecretKeyError(`${name} must be at least ${MIN_SECRET_KEY_LENGTH} characters`);
    const key = Buffer.from(hkdfSync('sha256', value.trim(), 'switchboard-secrets', 'aes-256-gcm v1', 32));
    const id = createHash('sha256').update('switchboard-key-id').update(key).digest('hex').slice(0, 8);
    return { id, key };
  }
}
