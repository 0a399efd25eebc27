import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import { CreateStatusDto, UpdateStatusDto } from '../dto/admin-lists.dto.js';
import { TicketStatusService } from '../services/ticket-status.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/ticket-statuses')
export class TicketStatusesController {
  constructor(private readonly statuses: TicketStatusService) {}

  @Get()
  list() {
    return this.statuses.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateStatusDto) {
    return this.statuses.create(dto);
  }

  @Patch(':key')
  @Roles('admin')
  update(@Param('key') key: string, @Body() dto: UpdateStatusDto) {
    return this.statuses.update(key, dto);
  }

  @Delete(':key')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('key') key: string) {
    return this.statuses.remove(key);
  }
}
