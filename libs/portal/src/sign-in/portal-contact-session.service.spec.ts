import { Clock, FakeClock, SessionTokenService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { PortalSignInRepository } from '../repositories/portal-sign-in.repository.js';
import { PortalContactSessions } from './portal-contact-session.service.js';

const CONTACT = '0190a0a0-0000-7000-8000-000000000001';

describe('PortalContactSessions', () => {
  function build(row: Record<string, unknown> | null) {
    const clock = new FakeClock();
    const t = newTestService(PortalContactSessions, { types: [[Clock, clock]] });
    const now = clock.nowMs();
    t.fake(PortalSignInRepository).findById.mockResolvedValue(
      row &&
        ({
          id: 's1',
          portalId: 'p1',
          companyId: 'co',
          contactId: CONTACT,
          usedAt: new Date(now),
          revokedAt: null,
          sessionExpiresAt: new Date(now + 1000),
          ...row,
        } as never),
    );
    return t;
  }

  it('a used, unrevoked, unexpired row of that contact stands', async () => {
    const { sut } = build({});
    await expect(sut.standing('s1', `contact:${CONTACT}`)).resolves.toEqual({
      sessionId: 's1',
      portalId: 'p1',
      companyId: 'co',
      contactId: CONTACT,
    });
  });

  it('revoked, expired, never used, another contact or a chat token’s subject do not', async () => {
    for (const row of [{ revokedAt: new Date() }, { sessionExpiresAt: new Date(0) }, { usedAt: null }]) {
      await expect(build(row).sut.standing('s1', `contact:${CONTACT}`)).resolves.toBeNull();
    }
    await expect(build({}).sut.standing('s1', 'contact:0190a0a0-0000-7000-8000-000000000002')).resolves.toBeNull();
    await expect(build({}).sut.standing('s1', 'some-conversation-id')).resolves.toBeNull();
    const t = build({});
    t.fake(SessionTokenService).verifyPortalToken.mockReturnValue(null);
    await expect(t.sut.verify('garbage')).resolves.toBeNull();
  });
});
