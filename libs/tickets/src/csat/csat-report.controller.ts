import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import { CsatReportDto, CsatReportQueryDto } from './csat.dto.js';
import { CsatReportService } from './csat-report.service.js';

/** Satisfaction over the last N days (default 30), per technician and per company: admins only. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/reports')
export class CsatReportController {
  constructor(private readonly reports: CsatReportService) {}

  @Get('csat')
  @ApiOkResponse({ type: CsatReportDto })
  csat(@Query() query: CsatReportQueryDto): Promise<CsatReportDto> {
    return this.reports.report(query.days ?? 30);
  }
}
