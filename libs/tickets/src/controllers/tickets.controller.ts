import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AccessPolicy,
  AccountPrincipal,
  CurrentAccount,
  DbIntegerPipe,
  Roles,
  SettingsService,
} from '@switchboard/core';
import { TicketDefaultsQueryDto } from '../dto/ticket-defaults.dto.js';
import { CreateTicketDto, MergeTicketDto, TicketListQueryDto, UpdateTicketDto } from '../dto/ticket.dto.js';
import { CreateTicketService } from '../services/create-ticket.service.js';
import { DeleteTicketService } from '../services/delete-ticket.service.js';
import { MergeTicketService } from '../services/merge-ticket.service.js';
import { TicketQueryService } from '../services/ticket-query.service.js';
import { UpdateTicketService } from '../services/update-ticket.service.js';
import { TicketPageDto, TicketSummaryViewDto, TicketViewDto } from '../dto/ticket-view.dto.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/tickets')
export class TicketsController {
  constructor(
    private readonly creates: CreateTicketService,
    private readonly updates: UpdateTicketService,
    private readonly queries: TicketQueryService,
    private readonly merges: MergeTicketService,
    private readonly deletes: DeleteTicketService,
    private readonly settings: SettingsService,
    private readonly access: AccessPolicy,
  ) {}

  /** What the composer starts with for a company's tickets (the settings API itself is admin-only). Before `:number`. */
  @Get('defaults')
  async defaults(@Query() query: TicketDefaultsQueryDto, @CurrentAccount() me: AccountPrincipal) {
    this.access.assertCompanyAccess(me, query.companyId);
    return { defaultReplyType: await this.settings.get('tickets.defaultReplyType', query.companyId) };
  }

  @Post()
  @ApiCreatedResponse({ type: TicketViewDto })
  create(@Body() dto: CreateTicketDto, @CurrentAccount() me: AccountPrincipal) {
    return this.creates.create(dto, me);
  }

  @Get()
  @ApiOkResponse({ type: TicketPageDto })
  list(@Query() query: TicketListQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.queries.list(query, me);
  }

  @Get(':number')
  @ApiOkResponse({ type: TicketViewDto })
  get(@Param('number', DbIntegerPipe) number: number, @CurrentAccount() me: AccountPrincipal) {
    return this.queries.get(number, me);
  }

  @Patch(':number')
  @ApiOkResponse({ type: TicketViewDto })
  update(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: UpdateTicketDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.updates.update(number, dto, me);
  }

  @Get(':number/summary')
  @ApiOkResponse({ type: TicketSummaryViewDto })
  summary(@Param('number', DbIntegerPipe) number: number, @CurrentAccount() me: AccountPrincipal) {
    return this.queries.summary(number, me);
  }

  @Post(':number/merge')
  @HttpCode(200)
  merge(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: MergeTicketDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.merges.merge(number, dto.into, me);
  }

  /** Actions → Delete: admins only; the ticket, its conversation and its log are gone for good. */
  @Delete(':number')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('number', DbIntegerPipe) number: number, @CurrentAccount() me: AccountPrincipal) {
    await this.deletes.remove(number, me);
  }
}
