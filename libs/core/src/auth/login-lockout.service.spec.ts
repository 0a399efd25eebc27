import { Clock } from '../clock/clock.js';
import { FakeClock } from '../clock/fake-clock.js';
import { newTestService } from '@switchboard/testing';
import { afterFailure, LoginAttemptStore } from './login-attempt.store.js';
import { ACCOUNT_RULE, LoginLockoutService, PAIR_RULE } from './login-lockout.service.js';

const NOW = Date.UTC(2026, 0, 1);

describe('LoginLockoutService', () => {
  const build = () => newTestService(LoginLockoutService, { types: [[Clock, new FakeClock(NOW)]] });

  it('answers the seconds left on the later of the pair and account locks, 0 when none', async () => {
    const { sut, fake } = build();
    fake(LoginAttemptStore).lockedUntil.mockResolvedValue(NOW + 1500);
    expect(await sut.retryAfterSeconds('Bob@Example.com', '10.0.0.1')).toBe(2);
    const [keys, now] = fake(LoginAttemptStore).lockedUntil.mock.calls[0];
    expect(now).toBe(NOW);
    expect(keys).toHaveLength(2);
    expect(keys.join()).not.toMatch(/bob|10\.0\.0\.1/i);
    fake(LoginAttemptStore).lockedUntil.mockResolvedValue(0);
    expect(await sut.retryAfterSeconds('bob@example.com', '10.0.0.1')).toBe(0);
  });

  it('counts a failure on the pair and on the account; a success clears only the pair', async () => {
    const { sut, fake } = build();
    fake(LoginAttemptStore).recordFailure.mockResolvedValue({ failures: 1, windowStartMs: NOW, lockedUntilMs: 0 });
    await sut.failed(' BOB@example.com', '10.0.0.1');
    const calls = fake(LoginAttemptStore).recordFailure.mock.calls;
    expect(calls.map((c) => c[2])).toEqual([PAIR_RULE, ACCOUNT_RULE]);
    fake(LoginAttemptStore).clear.mockResolvedValue(undefined);
    await sut.succeeded('bob@example.com', '10.0.0.1');
    expect(fake(LoginAttemptStore).clear).toHaveBeenCalledWith(calls[0][0]);
  });
});

describe('afterFailure', () => {
  it('gives free failures, then doubling locks up to the cap, and starts over after the window', () => {
    let s = null as ReturnType<typeof afterFailure> | null;
    const locks: number[] = [];
    for (let i = 0; i < 10; i++) {
      s = afterFailure(s, NOW, PAIR_RULE);
      locks.push(s.lockedUntilMs ? (s.lockedUntilMs - NOW) / 60_000 : 0);
    }
    expect(locks).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15]);
    expect(afterFailure(s, NOW + PAIR_RULE.windowMs, PAIR_RULE)).toEqual({
      failures: 1,
      windowStartMs: NOW + PAIR_RULE.windowMs,
      lockedUntilMs: 0,
    });
  });
});
