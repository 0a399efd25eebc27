import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';

/**
 * bcrypt via bcryptjs: pure JavaScript, so a fresh install needs no native build or prebuilt
 * download. Cost 10 keeps a login near 60-80 ms on this machine's cores.
 */
@Injectable()
export class PasswordHasher {
  private static readonly rounds = 10;
  // Compared against when the account does not exist, so both paths cost the same time.
  private readonly dummyHash = bcrypt.hashSync('switchboard-timing-equaliser', PasswordHasher.rounds);

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, PasswordHasher.rounds);
  }

  verify(password: string, hash: string | null): Promise<boolean> {
    return bcrypt.compare(password, hash ?? this.dummyHash);
  }
}
