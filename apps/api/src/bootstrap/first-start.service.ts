import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, AccountService } from '@switchboard/core';

/**
 * SWITCHBOARD_ADMIN_EMAIL/PASSWORD, when set, are the recovery path: at every start the account
 * with that email exists, is an active admin serving all companies, and signs in with that
 * password (created when missing; re-enabled, promoted or its password reset otherwise).
 * It runs before the demo data (main.ts), so the environment admin exists whatever SWITCHBOARD_DEMO says.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly config: AppConfig,
    private readonly accounts: AccountService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail: email, adminPassword: password } = this.config;
    if (!email || !password) return;
    const existing = await this.accounts.findByEmail(email);
    if (!existing) {
      try {
        await this.accounts.create({ name: 'Administrator', email, password, role: 'admin' });
        this.logger.log(`Created the administrator ${email} from SWITCHBOARD_ADMIN_EMAIL`);
      } catch (error) {
        // Two instances starting together: the other one created it (the next start checks it again).
        this.logger.warn(`Administrator ${email} not created: ${(error as Error).message}`);
      }
      return;
    }
    const changes: string[] = [];
    const access: { role?: 'admin'; active?: boolean; allCompanies?: boolean } = {};
    if (existing.role !== 'admin') {
      access.role = 'admin';
      changes.push('made admin');
    }
    if (!existing.active) {
      access.active = true;
      changes.push('reactivated');
    }
    if (!existing.allCompanies) {
      access.allCompanies = true;
      changes.push('given all companies');
    }
    if (changes.length) await this.accounts.update(existing.id, access);
    if (!(await this.accounts.verifyCredentials(email, password))) {
      await this.accounts.update(existing.id, { password });
      changes.push('password reset to SWITCHBOARD_ADMIN_PASSWORD');
    }
    if (changes.length) this.logger.warn(`Recovered the administrator ${email}: ${changes.join(', ')}`);
  }
}
