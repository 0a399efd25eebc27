import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, Unmasked } from '@switchboard/core';
import { CreateWrapUpReasonDto, UpdateWrapUpReasonDto, WrapUpReasonListQueryDto } from '../dto/wrap-up-reason.dto.js';
import { WrapUpReasonViewDto } from '../dto/wrap-up-reason-view.dto.js';
import { WrapUpReasonService } from '../services/wrap-up-reason.service.js';

@ApiTags('routing')
@ApiBearerAuth()
// Configuration labels: no customer data to mask.
@Unmasked()
@Controller('api/wrap-up-reasons')
export class WrapUpReasonsController {
  constructor(private readonly reasons: WrapUpReasonService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WrapUpReasonViewDto })
  create(@Body() dto: CreateWrapUpReasonDto): Promise<WrapUpReasonViewDto> {
    return this.reasons.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [WrapUpReasonViewDto] })
  list(@Query() query: WrapUpReasonListQueryDto): Promise<WrapUpReasonViewDto[]> {
    return this.reasons.list(query.active === true);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: WrapUpReasonViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWrapUpReasonDto): Promise<WrapUpReasonViewDto> {
    return this.reasons.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.reasons.remove(id);
  }
}
