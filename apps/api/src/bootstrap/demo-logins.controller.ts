import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig, Public, Unmasked } from '@switchboard/core';
import { DemoDataService } from './demo-data.service.js';
import { DemoLoginsDto } from './demo-logins.dto.js';

@ApiTags('auth')
// Demo staff accounts only: outbound PII masking does not apply.
@Unmasked()
@Controller('api/auth/demo-logins')
export class DemoLoginsController {
  constructor(
    private readonly demo: DemoDataService,
    private readonly config: AppConfig,
  ) {}

  /** First run: the login page lists the demo logins while demo mode is on and they are unchanged. */
  @Public()
  @Get()
  @ApiOkResponse({ type: DemoLoginsDto })
  async list(): Promise<DemoLoginsDto> {
    return { logins: this.config.demo ? await this.demo.openLogins(this.config.adminEmail) : [] };
  }
}
