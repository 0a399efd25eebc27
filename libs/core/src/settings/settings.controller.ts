import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/roles.decorator.js';
import { SettingScopeQueryDto, SettingViewDto, UpdateSettingDto } from './settings.dto.js';
import { SettingsService } from './settings.service.js';
import { Unmasked } from '../access/unmasked.decorator.js';

@ApiTags('settings')
@ApiBearerAuth()
@Roles('admin')
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOkResponse({ type: [SettingViewDto] })
  list(@Query() query: SettingScopeQueryDto) {
    return this.settings.list(query.companyId);
  }

  @Get(':key')
  @ApiOkResponse({ type: SettingViewDto })
  get(@Param('key') key: string, @Query() query: SettingScopeQueryDto) {
    return this.settings.describe(key, query.companyId);
  }

  @Put(':key')
  @ApiOkResponse({ type: SettingViewDto })
  set(@Param('key') key: string, @Body() dto: UpdateSettingDto) {
    return this.settings.set(key, dto.value, dto.companyId);
  }

  /** Back to inheriting (company → global → default). */
  @Delete(':key')
  @ApiOkResponse({ type: SettingViewDto })
  reset(@Param('key') key: string, @Query() query: SettingScopeQueryDto) {
    return this.settings.reset(key, query.companyId);
  }
}
