import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ConflictError, CurrentDevice, DeviceTokenGuard, Public, type DevicePrincipal } from '@switchboard/core';
import type { Response } from 'express';
import { ChatFileUploadDto } from '../dto/agent-chat.dto.js';
import { ChatFilesService } from '../services/chat-files.service.js';
import { DeviceChatService } from '../services/device-chat.service.js';
import { sendDownload, UPLOAD_LIMITS, type UploadedPart } from './file-response.js';

/** The helpdesk agent's files (`Authorization: Device <token>`): only its own chats. */
@ApiTags('device')
@Controller('api/device/chats')
@Public()
@UseGuards(DeviceTokenGuard)
export class DeviceChatFilesController {
  constructor(
    private readonly chats: DeviceChatService,
    private readonly files: ChatFilesService,
  ) {}

  @Post(':id/files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ChatFileUploadDto })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() part: UploadedPart | undefined,
    @Body() dto: ChatFileUploadDto,
    @CurrentDevice() me: DevicePrincipal,
  ) {
    const author = await this.chats.author(me, id);
    const chat = await this.chats.own(me, id);
    if (chat.status === 'ended') throw new ConflictError('This chat has ended');
    const upload = part ? { name: part.originalname, data: part.buffer } : undefined;
    return this.files.send(chat, author.actor, upload, dto.clientId);
  }

  @Get(':id/files/:fileId')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentDevice() me: DevicePrincipal,
    @Res() res: Response,
  ) {
    await this.chats.own(me, id);
    const { file, data } = await this.files.open(id, fileId);
    await sendDownload(res, file, data);
  }
}
