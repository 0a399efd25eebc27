import { AccountService, AppConfig } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { FirstStartService } from './first-start.service.js';

describe('FirstStartService (the environment admin)', () => {
  const config = Object.assign(Object.create(AppConfig.prototype) as AppConfig, {
    adminEmail: 'boss@example.com',
    adminPassword: 'boss-recovery-password',
  });
  const build = () => newTestService(FirstStartService, { types: [[AppConfig, config]] });
  const view = (over: object) => ({ id: 'a1', role: 'admin', active: true, allCompanies: true, ...over });

  it('creates the admin when the email is unknown', async () => {
    const { sut, fake } = build();
    fake(AccountService).findByEmail.mockResolvedValue(null);
    fake(AccountService).create.mockResolvedValue(view({}) as never);
    await sut.onApplicationBootstrap();
    expect(fake(AccountService).create).toHaveBeenCalledWith(
      expect.objectContaining({ email: 'boss@example.com', role: 'admin', password: 'boss-recovery-password' }),
    );
  });

  it('restores role, active, all companies and the password of an existing account', async () => {
    const { sut, fake } = build();
    const accounts = fake(AccountService);
    accounts.findByEmail.mockResolvedValue(view({ role: 'technician', active: false, allCompanies: false }) as never);
    accounts.update.mockResolvedValue(view({}) as never);
    accounts.verifyCredentials.mockResolvedValue(null);
    await sut.onApplicationBootstrap();
    expect(accounts.update).toHaveBeenNthCalledWith(1, 'a1', { role: 'admin', active: true, allCompanies: true });
    expect(accounts.update).toHaveBeenNthCalledWith(2, 'a1', { password: 'boss-recovery-password' });
  });

  it('changes nothing when the account already matches (no rehash, no session loss)', async () => {
    const { sut, fake } = build();
    fake(AccountService).findByEmail.mockResolvedValue(view({}) as never);
    fake(AccountService).verifyCredentials.mockResolvedValue('a1');
    await sut.onApplicationBootstrap();
    expect(fake(AccountService).update).not.toHaveBeenCalled();
  });
});
