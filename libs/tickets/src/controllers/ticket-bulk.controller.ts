import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount } from '@switchboard/core';
import { BulkTicketChangeDto, BulkTicketChangeResultDto } from '../dto/ticket-bulk.dto.js';
import { BulkTicketChangeService } from '../services/bulk-ticket-change.service.js';

/** The ticket list's bulk bar (#15): one status/assignee/priority change or merge on the selected tickets. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/tickets/bulk')
export class TicketBulkController {
  constructor(private readonly bulk: BulkTicketChangeService) {}

  /** 200 with one result per ticket (partial failures named per ticket); 400 only for a bad request. */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: BulkTicketChangeResultDto })
  async change(@Body() dto: BulkTicketChangeDto, @CurrentAccount() me: AccountPrincipal) {
    return { results: await this.bulk.apply(dto, me) };
  }
}
