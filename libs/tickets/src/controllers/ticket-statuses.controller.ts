import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import { CreateStatusDto, UpdateStatusDto } from '../dto/admin-lists.dto.js';
import { TicketStatusService } from '../services/ticket-status.service.js';
import { TicketStatusViewDto } from '../dto/ticket-status-view.dto.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/ticket-statuses')
export class TicketStatusesController {
  constructor(private readonly statuses: TicketStatusService) {}

  @Get()
  @ApiOkResponse({ type: [TicketStatusViewDto] })
  list(): Promise<TicketStatusViewDto[]> {
    return this.statuses.list();
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: TicketStatusViewDto })
  create(@Body() dto: CreateStatusDto): Promise<TicketStatusViewDto> {
    return this.statuses.create(dto);
  }

  @Patch(':key')
  @Roles('admin')
  @ApiOkResponse({ type: TicketStatusViewDto })
  update(@Param('key') key: string, @Body() dto: UpdateStatusDto): Promise<TicketStatusViewDto> {
    return this.statuses.update(key, dto);
  }

  @Delete(':key')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('key') key: string) {
    return this.statuses.remove(key);
  }
}
