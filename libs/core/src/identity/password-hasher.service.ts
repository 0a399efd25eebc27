import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

/**
 * argon2id via @node-rs/argon2 (prebuilt binaries inside the npm package: no native build on
 * install), at its defaults, OWASP's minimum (19 MiB, 2 passes, 1 lane). bcrypt, used before,
 * ignored every byte after the 72nd; its hashes still verify and are replaced on the next
 * successful sign-in (`needsRehash`). The encoded hash is 97 characters (column: 100).
 */
@Injectable()
export class PasswordHasher {
  private static readonly options = { algorithm: Algorithm.Argon2id } as const;
  // Compared against when the account does not exist, so both paths cost the same time.
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, PasswordHasher.options);
  }

  async verify(password: string, stored: string | null): Promise<boolean> {
    if (stored && isBcrypt(stored)) return bcrypt.compare(password, stored);
    this.dummyHash ??= this.hash('switchboard-timing-equaliser');
    try {
      return (await verify(stored ?? (await this.dummyHash), password)) && stored !== null;
    } catch {
      return false; // not a hash we know: no password matches it
    }
  }

  /** True for hashes of an older scheme (bcrypt): replace them once the password is known to be right. */
  needsRehash(stored: string): boolean {
    return !stored.startsWith('$argon2id$');
  }
}

function isBcrypt(stored: string): boolean {
  return /^\$2[abxy]\$/.test(stored);
}
