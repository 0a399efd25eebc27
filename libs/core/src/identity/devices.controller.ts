import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Roles } from '../access/roles.decorator.js';
import { DeviceService } from './device.service.js';
import { CreateDeviceDto, UpdateDeviceDto } from './dto/device.dto.js';
import { CompanyFilterQueryDto } from '../database/company-filter-query.dto.js';
import { DevicePageDto, DeviceViewDto, DeviceWithTokenDto } from './dto/device-view.dto.js';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('api/devices')
export class DevicesController {
  constructor(private readonly devices: DeviceService) {}

  @Get()
  @ApiOkResponse({ type: DevicePageDto })
  list(@Query() query: CompanyFilterQueryDto, @CurrentAccount() me: AccountPrincipal): Promise<DevicePageDto> {
    return this.devices.list(query, me);
  }

  @Get(':id')
  @ApiOkResponse({ type: DeviceViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<DeviceViewDto> {
    return this.devices.get(id, me);
  }

  /** The response carries the device token once; it cannot be read again, only rotated. */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: DeviceWithTokenDto })
  create(@Body() dto: CreateDeviceDto): Promise<DeviceWithTokenDto> {
    return this.devices.create(dto);
  }

  @Post(':id/token')
  @Roles('admin')
  @ApiCreatedResponse({ type: DeviceWithTokenDto })
  rotateToken(@Param('id', ParseUUIDPipe) id: string): Promise<DeviceWithTokenDto> {
    return this.devices.rotateToken(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: DeviceViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDeviceDto): Promise<DeviceViewDto> {
    return this.devices.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.devices.remove(id);
  }
}
