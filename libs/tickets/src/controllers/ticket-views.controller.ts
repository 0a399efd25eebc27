import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount } from '@switchboard/core';
import { CreateSavedViewDto, UpdateSavedViewDto } from '../dto/saved-view.dto.js';
import { SavedViewViewDto, SavedViewWithCountDto } from '../dto/saved-view-view.dto.js';
import { SavedViewCountsService } from '../services/saved-view-counts.service.js';
import { SavedViewService } from '../services/saved-view.service.js';

/** Saved views of the ticket list (#15): built-in + the caller's own, with counts. Any signed-in account. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/ticket-views')
export class TicketViewsController {
  constructor(
    private readonly counts: SavedViewCountsService,
    private readonly views: SavedViewService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [SavedViewWithCountDto] })
  list(@CurrentAccount() me: AccountPrincipal) {
    return this.counts.list(me);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedViewViewDto })
  create(@Body() dto: CreateSavedViewDto, @CurrentAccount() me: AccountPrincipal) {
    return this.views.create(dto, me);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedViewViewDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSavedViewDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.views.update(id, dto, me);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    await this.views.remove(id, me);
  }
}
