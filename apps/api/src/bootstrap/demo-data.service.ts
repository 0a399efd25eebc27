import { Injectable, Logger } from '@nestjs/common';
import { AccountService, CompanyService, ContactService, DeviceService } from '@switchboard/core';

export interface DemoCredentials {
  admin: { email: string; password: string };
  technicians: { email: string; password: string }[];
  deviceToken: string;
}

export const DEMO_PASSWORD = 'switchboard-demo';

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

  async seed(): Promise<DemoCredentials> {
    const admin = { email: 'admin@switchboard.local', password: DEMO_PASSWORD };
    const technicians = [
      { name: 'Tina Technician', email: 'tina@switchboard.local', password: DEMO_PASSWORD },
      { name: 'Theo Technician', email: 'theo@switchboard.local', password: DEMO_PASSWORD },
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
