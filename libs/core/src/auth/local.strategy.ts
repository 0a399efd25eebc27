import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AccountService } from '../identity/account.service.js';
import { UnauthorizedError } from '../errors/unauthorized.error.js';

export const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly accounts: AccountService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<{ accountId: string }> {
    const accountId = await this.accounts.verifyCredentials(email, password);
    // One message for every failure: no hint whether the email or the password was wrong.
    if (!accountId) throw new UnauthorizedError(INVALID_CREDENTIALS);
    return { accountId };
  }
}
