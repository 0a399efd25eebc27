import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import {
  ContactTransferViewDto,
  TransferConversationDto,
  TransferTargetsQueryDto,
  TransferTargetsViewDto,
} from '../dto/transfer.dto.js';
import { ContactTransferService } from '../transfer/contact-transfer.service.js';
import { TransferTargetsService } from '../transfer/transfer-targets.service.js';

/** The accepting agent's Transfer: where to (queues, Available agents) and the transfer itself. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/conversations')
export class ConversationTransferController {
  constructor(
    private readonly transfers: ContactTransferService,
    private readonly targets: TransferTargetsService,
  ) {}

  @Get(':id/transfer-targets')
  @ApiOkResponse({ type: TransferTargetsViewDto })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TransferTargetsQueryDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.targets.list(id, me, query.q);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactTransferViewDto })
  transfer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransferConversationDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.transfers.transfer(id, dto, me);
  }
}
