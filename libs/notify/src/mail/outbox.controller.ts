import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, Unmasked, type AccountPrincipal } from '@switchboard/core';
import { OutboxQueryDto } from './dto/outbox-query.dto.js';
import { OutboxPresenter } from './outbox-presenter.service.js';
import { OutboxService } from './outbox.service.js';

/**
 * What the helpdesk has sent by email (admins only: it holds end users' conversations). @Unmasked():
 * OutboxPresenter masks the content and shows recipients by permission (pii.reveal, audited).
 */
@Unmasked()
@ApiTags('outbox')
@ApiBearerAuth()
@Controller('api/outbox')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly presenter: OutboxPresenter,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Mails the helpdesk sent, newest first, with their delivery state (recorded, sent, retrying, failed)',
  })
  async list(@Query() query: OutboxQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.presenter.page(await this.outbox.list(query), me);
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver a failed or waiting mail now (409 when already sent or no transport)' })
  async retry(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.presenter.one(await this.outbox.retry(id), me);
  }
}
