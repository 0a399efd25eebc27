import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { PageQueryDto } from '../identity/dto/page-query.dto.js';
import { OutboxService } from './outbox.service.js';

/** What the helpdesk has sent by email (admins only: it holds end users' conversations). */
@ApiTags('outbox')
@ApiBearerAuth()
@Controller('api/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  list(@Query() query: PageQueryDto) {
    return this.outbox.list(query);
  }
}
