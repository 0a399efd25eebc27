import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type AccountPrincipal } from '@switchboard/core';
import type { Request } from 'express';
import { CreatePortalDto, PortalListQueryDto, UpdatePortalDto } from '../dto/portal.dto.js';
import { PortalService } from '../services/portal.service.js';
import { PortalEmbedDto, PortalViewDto } from '../dto/portal-view.dto.js';

@ApiTags('portals')
@ApiBearerAuth()
@Controller('api/portals')
export class PortalsController {
  constructor(private readonly portals: PortalService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: PortalViewDto })
  create(@Body() dto: CreatePortalDto): Promise<PortalViewDto> {
    return this.portals.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [PortalViewDto] })
  list(@Query() query: PortalListQueryDto, @CurrentAccount() me: AccountPrincipal): Promise<PortalViewDto[]> {
    return this.portals.list(query.companyId, me);
  }

  @Get(':id')
  @ApiOkResponse({ type: PortalViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<PortalViewDto> {
    return this.portals.get(id, me);
  }

  @Get(':id/embed')
  @ApiOkResponse({ type: PortalEmbedDto })
  embed(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentAccount() me: AccountPrincipal,
    @Req() req: Request,
  ): Promise<PortalEmbedDto> {
    return this.portals.embed(id, me, `${req.protocol}://${req.get('host')}`);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: PortalViewDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePortalDto,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<PortalViewDto> {
    return this.portals.update(id, dto, me);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    await this.portals.remove(id, me);
  }
}
