import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type AccountPrincipal, type FileView } from '@switchboard/core';
import { AttachScreenRecordingDto, ScreenRecordingViewDto } from '../dto/screen-share.dto.js';
import { ScreenRecordingService } from '../services/screen-recording.service.js';

const view = (f: FileView): ScreenRecordingViewDto => ({
  id: f.id,
  name: f.name,
  contentType: f.contentType,
  size: f.size,
  createdAt: f.createdAt,
});

/** Screen sharing recordings (#19): attached by the session's technician, listed with the case, deleted by admins. Content: GET /api/files/:id/content. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api')
export class ScreenRecordingsController {
  constructor(private readonly recordings: ScreenRecordingService) {}

  @Post('screen-sessions/:id/recording')
  @ApiCreatedResponse({ type: ScreenRecordingViewDto })
  async attach(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttachScreenRecordingDto,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<ScreenRecordingViewDto> {
    return view(await this.recordings.attach(me, id, dto.fileId));
  }

  @Get('cases/:id/recordings')
  @ApiOkResponse({ type: [ScreenRecordingViewDto] })
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<ScreenRecordingViewDto[]> {
    return (await this.recordings.list(me, id)).map(view);
  }

  @Delete('cases/:id/recordings/:fileId')
  @Roles('admin')
  @HttpCode(204)
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<void> {
    await this.recordings.remove(me, id, fileId);
  }
}
