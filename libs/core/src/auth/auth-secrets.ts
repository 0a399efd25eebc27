import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import type { SecretBox } from '../secrets/secret-box.service.js';
import type { SystemSecretRepository } from './system-secret.repository.js';

/** Secrets used to sign sessions; shared by every instance (env, or generated once into the database). */
export class AuthSecrets {
  /**
   * The keys as KeyObjects. jsonwebtoken first tries to read a string or Buffer secret as a PEM
   * public key and builds the secret key from the thrown error's fallback, on every call: about
   * 350 µs per verify here, against 8 µs with a KeyObject (bench/auth/jwt-verify.bench.ts).
   */
  readonly jwtKey: KeyObject;
  readonly portalKey: KeyObject;

  constructor(jwtSecret: string, portalSecret: string) {
    this.jwtKey = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
    this.portalKey = createSecretKey(Buffer.from(portalSecret, 'utf8'));
  }

  /**
   * The configured signing key, or the one generated into `system_secrets`, stored sealed
   * (SecretBox): a plaintext row from before encryption, or one sealed with a previous key, is
   * written back with the current key here at start.
   */
  static async load(config: AppConfig, rows: SystemSecretRepository, box: SecretBox): Promise<AuthSecrets> {
    let jwt = config.jwtSecret;
    if (!jwt) {
      const stored = await rows.getOrCreate('jwt', () => box.seal(randomBytes(48).toString('base64url')));
      jwt = box.open(stored, 'The session signing key (system_secrets.jwt)');
      if (box.needsReseal(stored)) await rows.replace('jwt', stored, box.seal(jwt));
    }
    // Portal sessions get their own key, derived so one configured secret covers both.
    return new AuthSecrets(jwt, createHash('sha256').update(`${jwt}:portal-sessions`).digest('base64url'));
  }
}
