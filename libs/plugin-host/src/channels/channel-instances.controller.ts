import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import {
  ChannelInstanceQueryDto,
  CreateChannelInstanceDto,
  UpdateChannelInstanceDto,
} from './dto/channel-instance.dto.js';
import { ChannelInstanceService } from './channel-instance.service.js';

/** Admins configure channel instances (e.g. an email provider's inbound webhook at `/hooks/:id`). */
@ApiTags('channels')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/channel-instances')
export class ChannelInstancesController {
  constructor(private readonly instances: ChannelInstanceService) {}

  @Get()
  list(@Query() query: ChannelInstanceQueryDto) {
    return this.instances.list(query.pluginId);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.instances.get(id);
  }

  @Post()
  @ApiOperation({
    summary:
      "Create an instance of a channel plugin; config is validated against the adapter's instanceConfig (400 CHANNEL_INVALID_CONFIG)",
  })
  create(@Body() body: CreateChannelInstanceDto) {
    return this.instances.create(body);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateChannelInstanceDto) {
    return this.instances.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.instances.remove(id);
  }
}
