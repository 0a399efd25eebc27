import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Unmasked } from '@switchboard/core';
import { HealthService } from './health.service.js';

@ApiTags('health')
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database answers; 503 when it does not or the instance is shutting down. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
