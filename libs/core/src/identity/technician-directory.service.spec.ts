import { newTestService } from '@switchboard/testing';
import { AccessPolicy } from './access-policy.service.js';
import type { AccountEntity } from './account.entity.js';
import { TechnicianDirectoryRepository } from './technician-directory.repository.js';
import { TechnicianDirectory } from './technician-directory.service.js';

const account = (id: string, over: Partial<AccountEntity> = {}) =>
  ({
    id,
    name: id.toUpperCase(),
    email: `${id}@x.test`,
    role: 'technician',
    availability: 'available',
    allCompanies: false,
    active: true,
    ...over,
  }) as AccountEntity;

describe('TechnicianDirectory.serving (#13.6)', () => {
  function setup() {
    const t = newTestService(TechnicianDirectory, { types: [[AccessPolicy, new AccessPolicy()]] });
    t.fake(TechnicianDirectoryRepository).withCompanies.mockResolvedValue([
      { account: account('acme'), companyIds: ['co-acme'] },
      { account: account('globex'), companyIds: ['co-globex'] },
      { account: account('all', { allCompanies: true }), companyIds: [] },
      { account: account('admin', { role: 'admin' }), companyIds: [] },
      { account: account('gone', { allCompanies: true, active: false }), companyIds: [] },
    ]);
    return t;
  }

  it('keeps active accounts serving the company, and names every other one with its reason', async () => {
    const { sut } = setup();
    const check = await sut.serving('co-acme', ['acme', 'globex', 'all', 'admin', 'gone', 'ghost', 'acme']);
    expect(check.serving.map((a) => a.id)).toEqual(['acme', 'all', 'admin']);
    expect(check.refused).toEqual([
      { id: 'globex', message: "account globex (GLOBEX) does not serve the ticket's company" },
      { id: 'gone', message: 'account gone (GONE) is deactivated' },
      { id: 'ghost', message: 'account ghost does not exist' },
    ]);
  });

  it('without a company only existence and the active flag count', async () => {
    const { sut } = setup();
    const check = await sut.serving(null, ['globex', 'gone']);
    expect(check.serving.map((a) => a.id)).toEqual(['globex']);
    expect(check.refused.map((r) => r.id)).toEqual(['gone']);
  });
});
