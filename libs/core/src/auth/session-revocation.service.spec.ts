import { newTestService } from '@switchboard/testing';
import { Clock } from '../clock/clock.js';
import { FakeClock } from '../clock/fake-clock.js';
import { AccessRevocations } from '../identity/access-revocations.service.js';
import { RevokedSessionRepository } from '../identity/revoked-session.repository.js';
import { SessionRevocation } from './session-revocation.service.js';
import { SessionTokenService } from './session-token.service.js';

function setup() {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const t = newTestService(SessionRevocation, { types: [[Clock, clock]] });
  return { ...t, clock };
}

describe('SessionRevocation', () => {
  it('records the session as ended until its token expires, prunes expired rows, and tells the sockets', async () => {
    const { sut, fake, clock } = setup();
    const exp = clock.nowMs() + 3600_000;
    fake(SessionTokenService).readAccountToken.mockReturnValue({ accountId: 'a1', sessionId: 's1', expiresAtMs: exp });
    fake(RevokedSessionRepository).pruneExpired.mockResolvedValue(2);
    fake(RevokedSessionRepository).add.mockResolvedValue(undefined);
    fake(AccessRevocations).revoke.mockResolvedValue(undefined);

    expect(await sut.endSession('tok')).toBe(true);

    expect(fake(RevokedSessionRepository).pruneExpired).toHaveBeenCalledWith(clock.now());
    expect(fake(RevokedSessionRepository).add).toHaveBeenCalledWith({
      sessionId: 's1',
      accountId: 'a1',
      expiresAt: new Date(exp),
    });
    expect(fake(AccessRevocations).revoke).toHaveBeenCalledWith({
      kind: 'session-ended',
      accountId: 'a1',
      sessionId: 's1',
      reason: 'logout',
    });
  });

  it('does nothing without a token or with one that does not verify (bad signature, expired)', async () => {
    const { sut, fake } = setup();
    fake(SessionTokenService).readAccountToken.mockReturnValue(null);
    expect(await sut.endSession(null)).toBe(false);
    expect(await sut.endSession('garbage')).toBe(false);
    expect(fake(RevokedSessionRepository).add).not.toHaveBeenCalled();
    expect(fake(AccessRevocations).revoke).not.toHaveBeenCalled();
  });
});
