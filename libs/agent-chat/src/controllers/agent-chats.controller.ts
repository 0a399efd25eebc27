import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, PiiMasker, type AccountPrincipal } from '@switchboard/core';
import { ConversationService, MessageAckDto, MessageListDto } from '@switchboard/chat';
import type { Response } from 'express';
import { ChatFileUploadDto, ChatMessagesQueryDto, StartAgentChatDto } from '../dto/agent-chat.dto.js';
import { ChatFilesService } from '../services/chat-files.service.js';
import { TechnicianChatStartService } from '../services/technician-chat-start.service.js';
import { TechnicianChatService } from '../services/technician-chat.service.js';
import { sendDownload, UPLOAD_LIMITS, type UploadedPart } from './file-response.js';
import {
  AgentChatEarlierDto,
  AgentChatListDto,
  AgentChatStartedDto,
  AgentChatViewDto,
} from '../dto/agent-chat-view.dto.js';

/** Technicians' agent chats. Messages and typing go over /agent (`conversation.join|send|typing`). */
@ApiTags('agent-chats')
@ApiBearerAuth()
@Controller('api/agent-chats')
export class AgentChatsController {
  constructor(
    private readonly chats: TechnicianChatService,
    private readonly starts: TechnicianChatStartService,
    private readonly files: ChatFilesService,
    private readonly conversations: ConversationService,
    private readonly masker: PiiMasker,
  ) {}

  /** Ask the person at a device to chat (from the device, or from a ticket). 201 new request, 200 an open chat reused. */
  @Post()
  @ApiCreatedResponse({ type: AgentChatStartedDto, description: 'A new request' })
  @ApiOkResponse({ type: AgentChatStartedDto, description: 'An open chat reused' })
  async start(
    @Body() dto: StartAgentChatDto,
    @CurrentAccount() me: AccountPrincipal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.starts.start(me, dto);
    res.status(result.existing ? 200 : 201);
    return result;
  }

  @Get()
  @ApiOkResponse({ type: AgentChatListDto })
  list(@CurrentAccount() me: AccountPrincipal) {
    return this.chats.list(me);
  }

  @Get(':id')
  @ApiOkResponse({ type: AgentChatViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.chats.get(me, id);
  }

  /** A chat started from a ticket: the ticket's earlier public conversation (masked for the viewer like every response). */
  @Get(':id/earlier')
  @ApiOkResponse({ type: AgentChatEarlierDto })
  earlier(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.chats.earlier(me, id);
  }

  @Get(':id/messages')
  @ApiOkResponse({ type: MessageListDto })
  messages(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ChatMessagesQueryDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.chats.messages(me, id, query.afterSeq ?? 0);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AgentChatViewDto })
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.chats.accept(me, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.chats.decline(me, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: AgentChatViewDto })
  end(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.chats.end(me, id);
  }

  /** A file into the chat (PDF, MP3, MP4, Word, Excel, MSI; ≤ 20 MB; type checked from the content). */
  @Post(':id/files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ChatFileUploadDto })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  @ApiCreatedResponse({ type: MessageAckDto })
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() part: UploadedPart | undefined,
    @Body() dto: ChatFileUploadDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    const chat = await this.chats.visible(me, id);
    this.files.assertParticipant(await this.conversations.isActiveParticipant(id, 'technician', me.id));
    const upload = part ? { name: part.originalname, data: part.buffer } : undefined;
    return this.files.send(chat, { kind: 'technician', id: me.id, name: me.name }, upload, dto.clientId);
  }

  @Get(':id/files/:fileId')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentAccount() me: AccountPrincipal,
    @Res() res: Response,
  ) {
    const chat = await this.chats.visible(me, id);
    const { file, data } = await this.files.open(id, fileId);
    // Written with @Res(): the masking interceptor never sees it (#13.3). Text is masked whole
    // (at most 20 MB); anything else streams as stored.
    const name = this.masker.maskText(file.name, chat.companyId);
    const body = this.masker.rewritesDownload(file.contentType, chat.companyId)
      ? this.masker.maskDownload(file.contentType, Buffer.concat((await data.toArray()) as Buffer[]), chat.companyId)
      : data;
    await sendDownload(res, { ...file, name }, body);
  }
}
