import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, Unmasked } from '@switchboard/core';
import { EnablePluginDto } from './dto/enable-plugin.dto.js';
import { PluginViewDto } from './dto/plugin-view.dto.js';
import { UpdatePluginSettingsDto } from './dto/update-plugin-settings.dto.js';
import { PluginHostService } from './plugin-host.service.js';
import type { PluginView } from './plugin.views.js';

@ApiTags('plugins')
@ApiBearerAuth()
@Roles('admin')
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/plugins')
export class PluginsController {
  constructor(private readonly host: PluginHostService) {}

  @Get()
  @ApiOperation({ summary: 'List the loaded plugins with their status, permissions and settings' })
  @ApiOkResponse({ type: [PluginViewDto] })
  list(): Promise<PluginView[]> {
    return this.host.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: PluginViewDto })
  get(@Param('id') id: string): Promise<PluginView> {
    return this.host.get(id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant the requested permissions and start the plugin' })
  @ApiOkResponse({ type: PluginViewDto })
  enable(@Param('id') id: string, @Body() body: EnablePluginDto): Promise<PluginView> {
    return this.host.enable(id, body.grantPermissions);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: PluginViewDto })
  disable(@Param('id') id: string): Promise<PluginView> {
    return this.host.disable(id);
  }

  @Put(':id/settings')
  @ApiOperation({
    summary: "Replace the plugin's settings (400 PLUGIN_INVALID_SETTINGS with fieldErrors when invalid)",
  })
  @ApiOkResponse({ type: PluginViewDto })
  updateSettings(@Param('id') id: string, @Body() body: UpdatePluginSettingsDto): Promise<PluginView> {
    return this.host.updateSettings(id, body.settings);
  }
}
