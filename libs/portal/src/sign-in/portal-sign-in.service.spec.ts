import {
  Clock,
  ContactService,
  DomainError,
  FakeClock,
  LoginAttemptStore,
  SessionTokenService,
} from '@switchboard/core';
import { MailPort } from '@switchboard/notify';
import { newTestService } from '@switchboard/testing';
import { EmailTemplateService } from '@switchboard/tickets';
import { PortalSignInRepository } from '../repositories/portal-sign-in.repository.js';
import { PortalService } from '../services/portal.service.js';
import { PortalSignInService } from './portal-sign-in.service.js';

const PORTAL = { id: 'p1', companyId: 'co1', subdomain: 'acme', name: 'Acme', status: 'active' };
const CLIENT = { address: '10.0.0.1', base: 'https://help.example/', language: 'en' as const };

describe('PortalSignInService', () => {
  function build() {
    const clock = new FakeClock();
    const t = newTestService(PortalSignInService, { types: [[Clock, clock]] });
    t.fake(PortalService).bySubdomain.mockResolvedValue(PORTAL as never);
    t.fake(LoginAttemptStore).lockedUntil.mockResolvedValue(0);
    t.fake(LoginAttemptStore).recordFailure.mockResolvedValue({} as never);
    t.fake(PortalSignInRepository).pruneBefore.mockResolvedValue(0);
    t.fake(PortalSignInRepository).insertWithoutReload.mockResolvedValue();
    t.fake(MailPort).send.mockResolvedValue({ messageId: 'm', status: 'recorded' });
    t.fake(EmailTemplateService).render.mockImplementation(async (_event, data, language) => ({
      subject: `sign-in ${language}`,
      text: `link: ${data.url}`,
      html: '',
    }));
    return { ...t, clock };
  }

  it('mails a link to a contact of the portal’s company, storing only the token’s hash', async () => {
    const { sut, fake } = build();
    fake(ContactService).findAllByEmail.mockResolvedValue([
      { id: 'c0', companyId: 'other', email: 'jane@x.example' },
      { id: 'c1', companyId: 'co1', email: 'jane@x.example' },
    ] as never);
    await sut.requestLink('acme', ' Jane@X.example ', CLIENT);
    const row = fake(PortalSignInRepository).insertWithoutReload.mock.calls[0][0] as never as Record<string, unknown>;
    expect(row).toMatchObject({ contactId: 'c1', portalId: 'p1', usedAt: null });
    const mail = fake(MailPort).send.mock.calls[0][0];
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain('https://help.example/p/acme/sign-in?token=');
    expect(row.tokenHash).not.toContain(token);
  });

  it('answers the same for an unknown address: counted, nothing stored or mailed', async () => {
    const { sut, fake } = build();
    fake(ContactService).findAllByEmail.mockResolvedValue([]);
    await expect(sut.requestLink('acme', 'ghost@x.example', CLIENT)).resolves.toBeUndefined();
    expect(fake(LoginAttemptStore).recordFailure).toHaveBeenCalledTimes(2);
    expect(fake(MailPort).send).not.toHaveBeenCalled();
  });

  it('refuses with 429 and the wait once a counter is locked, before any lookup', async () => {
    const { sut, fake, clock } = build();
    fake(LoginAttemptStore).lockedUntil.mockResolvedValue(clock.nowMs() + 90_000);
    await expect(sut.requestLink('acme', 'jane@x.example', CLIENT)).rejects.toMatchObject({
      status: 429,
      details: { retryAfterSeconds: 90 },
    });
    expect(fake(ContactService).findAllByEmail).not.toHaveBeenCalled();
  });

  it('a link of another portal, used or expired is the same 401; a good one becomes a session', async () => {
    const { sut, fake } = build();
    fake(PortalSignInRepository).findByTokenHash.mockResolvedValue({
      id: 's1',
      portalId: 'p2',
      contactId: 'c1',
    } as never);
    await expect(sut.redeem('acme', 't'.repeat(43))).rejects.toBeInstanceOf(DomainError);
    fake(PortalSignInRepository).findByTokenHash.mockResolvedValue({
      id: 's1',
      portalId: 'p1',
      contactId: 'c1',
    } as never);
    fake(PortalSignInRepository).redeem.mockResolvedValue(false);
    await expect(sut.redeem('acme', 't'.repeat(43))).rejects.toMatchObject({ status: 401 });
    fake(PortalSignInRepository).redeem.mockResolvedValue(true);
    fake(SessionTokenService).issuePortalToken.mockReturnValue('jwt');
    await expect(sut.redeem('acme', 't'.repeat(43))).resolves.toMatchObject({ accessToken: 'jwt' });
    expect(fake(SessionTokenService).issuePortalToken.mock.calls[0][0]).toMatchObject({
      sessionId: 's1',
      subject: 'contact:c1',
    });
  });
});
