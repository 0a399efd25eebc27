import { Injectable, Logger } from '@nestjs/common';
import { AccountService, CompanyService, ContactService, DeviceService } from '@switchboard/core';

export interface DemoCredentials {
  admin: { email: string; password: string };
  technicians: { email: string; password: string }[];
  deviceToken: string;
}

export const DEMO_PASSWORD = 'switchboard-demo';
const DEMO_ADMIN = 'admin@switchboard.local';
const DEMO_TECHNICIANS = ['tina@switchboard.local', 'theo@switchboard.local'];

export interface DemoLogin {
  email: string;
  password: string;
  role: 'admin' | 'technician';
}

/** Demo installation: an admin, two technicians, two companies with contacts and a device. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly accounts: AccountService,
    private readonly companies: CompanyService,
    private readonly contacts: ContactService,
    private readonly devices: DeviceService,
  ) {}

  /** No account yet, not counting the environment admin (created first, at init). */
  async isEmpty(environmentAdmin?: string): Promise<boolean> {
    const own = environmentAdmin && (await this.accounts.findByEmail(environmentAdmin)) ? 1 : 0;
    return (await this.accounts.count()) - own === 0;
  }

  /**
   * The demo logins still signing in with the demo password, for the login page of a demo install.
   * An account's session version is bumped by every password change and deactivation, so 0 means
   * "as seeded" without checking a hash on a public route; the environment admin has its own password.
   */
  async openLogins(environmentAdmin?: string): Promise<DemoLogin[]> {
    const candidates: { email: string; role: DemoLogin['role'] }[] = [
      ...(environmentAdmin?.toLowerCase() === DEMO_ADMIN ? [] : [{ email: DEMO_ADMIN, role: 'admin' as const }]),
      ...DEMO_TECHNICIANS.map((email) => ({ email, role: 'technician' as const })),
    ];
    const open: DemoLogin[] = [];
    for (const c of candidates) {
      const account = await this.accounts.findByEmail(c.email);
      if (account?.role === c.role && (await this.accounts.sessionVersion(account.id)) === 0)
        open.push({ ...c, password: DEMO_PASSWORD });
    }
    return open;
  }

  async seed(): Promise<DemoCredentials> {
    const admin = { email: DEMO_ADMIN, password: DEMO_PASSWORD };
    const technicians = [
      { name: 'Tina Technician', email: DEMO_TECHNICIANS[0], password: DEMO_PASSWORD },
      { name: 'Theo Technician', email: DEMO_TECHNICIANS[1], password: DEMO_PASSWORD },
    ];
    // SWITCHBOARD_ADMIN_EMAIL may name the demo admin's address: that account (created first) stays as it is.
    if (await this.accounts.findByEmail(admin.email)) admin.password = '(SWITCHBOARD_ADMIN_PASSWORD)';
    else await this.accounts.create({ name: 'Ada Admin', email: admin.email, password: admin.password, role: 'admin' });
    for (const t of technicians) await this.accounts.create({ ...t, role: 'technician' });

    const acme = await this.companies.create({ name: 'Acme Corp' });
    const globex = await this.companies.create({ name: 'Globex' });
    const melissa = await this.contacts.create({
      companyId: acme.id,
      firstName: 'Melissa',
      lastName: 'Jones',
      email: 'melissa@acme.example',
      phone: '+44 7966 197542',
    });
    await this.contacts.create({
      companyId: acme.id,
      firstName: 'Marc',
      lastName: 'Dupont',
      email: 'marc.dupont@acme.example',
    });
    await this.contacts.create({
      companyId: globex.id,
      firstName: 'Hank',
      lastName: 'Scorpio',
      email: 'hank@globex.example',
      phone: '+1 415 555 0100',
    });
    const { token } = await this.devices.create({
      companyId: acme.id,
      name: 'LAPTOP-MELISSA',
      os: 'Windows 11',
      helpdeskAgentEnabled: true,
      contactId: melissa.id,
    });
    this.logger.log('Demo data created');
    return { admin, technicians: technicians.map(({ email, password }) => ({ email, password })), deviceToken: token };
  }
}
