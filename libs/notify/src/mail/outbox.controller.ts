import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import { OutboxQueryDto } from './dto/outbox-query.dto.js';
import { OutboxService } from './outbox.service.js';

/** What the helpdesk has sent by email (admins only: it holds end users' conversations). */
@ApiTags('outbox')
@ApiBearerAuth()
@Controller('api/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Mails the helpdesk sent, newest first, with their delivery state (recorded, sent, retrying, failed)',
  })
  list(@Query() query: OutboxQueryDto) {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver a failed or waiting mail now (409 when already sent or no transport)' })
  retry(@Param('id', ParseUUIDPipe) id: string) {
    return this.outbox.retry(id);
  }
}
