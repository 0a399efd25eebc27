import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type AccountPrincipal } from '@switchboard/core';
import type { Request } from 'express';
import { CreatePortalDto, PortalListQueryDto, UpdatePortalDto } from '../dto/portal.dto.js';
import { PortalService } from '../services/portal.service.js';

@ApiTags('portals')
@ApiBearerAuth()
@Controller('api/portals')
export class PortalsController {
  constructor(private readonly portals: PortalService) {}

  @Post()
  @Roles('admin')
  create(@Body() dto: CreatePortalDto) {
    return this.portals.create(dto);
  }

  @Get()
  list(@Query() query: PortalListQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.portals.list(query.companyId, me);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.portals.get(id, me);
  }

  @Get(':id/embed')
  embed(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal, @Req() req: Request) {
    return this.portals.embed(id, me, `${req.protocol}://${req.get('host')}`);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePortalDto, @CurrentAccount() me: AccountPrincipal) {
    return this.portals.update(id, dto, me);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    await this.portals.remove(id, me);
  }
}
