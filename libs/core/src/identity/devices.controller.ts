import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Roles } from '../access/roles.decorator.js';
import { DeviceService } from './device.service.js';
import { CreateDeviceDto, UpdateDeviceDto } from './dto/device.dto.js';
import { CompanyFilterQueryDto } from '../database/company-filter-query.dto.js';
import { DeviceListItemDto, DevicePageDto, DeviceViewDto, DeviceWithTokenDto } from './dto/device-view.dto.js';
import { DevicePresence } from './device-presence.port.js';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('api/devices')
export class DevicesController {
  constructor(
    private readonly devices: DeviceService,
    private readonly presence: DevicePresence,
  ) {}

  @Get()
  @ApiOkResponse({ type: DevicePageDto })
  async list(@Query() query: CompanyFilterQueryDto, @CurrentAccount() me: AccountPrincipal): Promise<DevicePageDto> {
    const page = await this.devices.list(query, me);
    return { items: await this.presence.withOnline(page.items), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: DeviceListItemDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<DeviceListItemDto> {
    const [device] = await this.presence.withOnline([await this.devices.get(id, me)]);
    return device;
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
