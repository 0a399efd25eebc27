import { newTestService } from '@switchboard/testing';
import type { AccountEntity } from './account.entity.js';
import { AccountRepository } from './account.repository.js';
import { RevokedSessionRepository } from './revoked-session.repository.js';
import { SessionPrincipals } from './session-principals.service.js';

const account = (over: Partial<AccountEntity> = {}) =>
  ({
    id: 'a1',
    email: 'ann@x',
    name: 'Ann',
    role: 'technician',
    allCompanies: false,
    active: true,
    sessionVersion: 2,
    permissions: null,
    ...over,
  }) as AccountEntity;
const ref = { accountId: 'a1', sessionId: 's1', sessionVersion: 2 };

describe('SessionPrincipals', () => {
  it('one session: the principal when the account is active, the version matches and the session was not ended', async () => {
    const { sut, fake } = newTestService(SessionPrincipals);
    const accounts = fake(AccountRepository);
    accounts.companyIds.mockResolvedValue(['c1']);
    accounts.findForSession.mockResolvedValue({ account: account(), revoked: false });
    expect(await sut.forSession(ref)).toMatchObject({ kind: 'account', id: 'a1', companyIds: ['c1'], permissions: [] });
    expect(accounts.findForSession).toHaveBeenCalledWith('a1', 's1');

    accounts.findForSession.mockResolvedValue({ account: account(), revoked: true });
    expect(await sut.forSession(ref)).toBeNull(); // logged out
    accounts.findForSession.mockResolvedValue({ account: account({ sessionVersion: 3 }), revoked: false });
    expect(await sut.forSession(ref)).toBeNull(); // password changed since
    accounts.findForSession.mockResolvedValue({ account: account({ active: false }), revoked: false });
    expect(await sut.forSession(ref)).toBeNull(); // deactivated
    accounts.findForSession.mockResolvedValue(null);
    expect(await sut.forSession(ref)).toBeNull(); // deleted
  });

  it('many sessions: three batched reads, one answer per session in order', async () => {
    const { sut, fake } = newTestService(SessionPrincipals);
    fake(AccountRepository).findByIds.mockResolvedValue([
      account(),
      account({ id: 'a2', allCompanies: true, sessionVersion: 0 }),
    ]);
    fake(AccountRepository).companyIdsOf.mockResolvedValue(new Map([['a1', ['c1', 'c2']]]));
    fake(RevokedSessionRepository).revokedAmong.mockResolvedValue(new Set(['s-out']));
    const out = await sut.forSessions([
      ref,
      { accountId: 'a1', sessionId: 's-out', sessionVersion: 2 },
      { accountId: 'a2', sessionId: 's2', sessionVersion: 0 },
      { accountId: 'gone', sessionId: 's3', sessionVersion: 0 },
    ]);
    expect(out.map((p) => p && { id: p.id, companyIds: p.companyIds })).toEqual([
      { id: 'a1', companyIds: ['c1', 'c2'] },
      null,
      { id: 'a2', companyIds: [] },
      null,
    ]);
    expect(fake(AccountRepository).findByIds).toHaveBeenCalledWith(['a1', 'a2', 'gone']);
    expect(await sut.forSessions([])).toEqual([]);
  });
});
