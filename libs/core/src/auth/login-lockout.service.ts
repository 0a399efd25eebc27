import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { LoginAttemptStore, type AttemptRule } from './login-attempt.store.js';

/**
 * One account from one address: 5 failures free, then locks of 1, 2, 4 … minutes up to 15.
 * The lock ends on its own and a success clears it, so an attacker cannot lock a user out for good.
 */
export const PAIR_RULE: AttemptRule = {
  freeFailures: 5,
  baseLockMs: 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 24 * 3600_000,
};
/**
 * One account from every address: 20 failures in 15 minutes lock it for 15 minutes. One address
 * cannot reach 20 under PAIR_RULE (about 8 per 15 minutes), so this only stops distributed guessing.
 */
export const ACCOUNT_RULE: AttemptRule = {
  freeFailures: 20,
  baseLockMs: 15 * 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** Per-account lockout with backoff (#13.8), on the injectable Clock; the per-address rate limit stays in front. */
@Injectable()
export class LoginLockoutService {
  constructor(
    private readonly store: LoginAttemptStore,
    private readonly clock: Clock,
  ) {}

  /** Seconds until this account may be tried again from this address; 0 when it may now. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const now = this.clock.nowMs();
    const until = await this.store.lockedUntil([pairKey(email, address), accountKey(email)], now);
    return until ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
  }

  async failed(email: string, address: string): Promise<void> {
    const now = this.clock.nowMs();
    await this.store.recordFailure(pairKey(email, address), now, PAIR_RULE);
    await this.store.recordFailure(accountKey(email), now, ACCOUNT_RULE);
  }

  /** The address proved it knows the password: its backoff ends (the account-wide count stays). */
  async succeeded(email: string, address: string): Promise<void> {
    await this.store.clear(pairKey(email, address));
  }
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const normalize = (email: string) => email.trim().toLowerCase();
const pairKey = (email: string, address: string) => `p:${hash(`${normalize(email)}\n${address}`)}`;
const accountKey = (email: string) => `a:${hash(normalize(email))}`;
