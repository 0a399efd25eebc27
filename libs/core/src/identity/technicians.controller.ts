import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { TechnicianQueryDto } from './dto/technician-query.dto.js';
import { TechnicianDirectory } from './technician-directory.service.js';
import { Unmasked } from '../access/unmasked.decorator.js';

@ApiTags('technicians')
@ApiBearerAuth()
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/technicians')
export class TechniciansController {
  constructor(private readonly directory: TechnicianDirectory) {}

  @Get()
  list(@Query() query: TechnicianQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.directory.list(query, me);
  }
}
