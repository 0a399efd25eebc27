import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, AccountService } from '@switchboard/core';

/** SWITCHBOARD_ADMIN_EMAIL/PASSWORD create the first admin when the installation has none. */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly config: AppConfig,
    private readonly accounts: AccountService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.adminEmail || !this.config.adminPassword) return;
    try {
      if (await this.accounts.ensureAdmin(this.config.adminEmail, this.config.adminPassword)) {
        this.logger.log(`Created the first administrator ${this.config.adminEmail}`);
      }
    } catch (error) {
      // Two instances starting together: the other one created it.
      this.logger.warn(`First admin not created: ${(error as Error).message}`);
    }
  }
}
