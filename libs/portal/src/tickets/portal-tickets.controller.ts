import { pipeline } from 'node:stream/promises';
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
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DbIntegerPipe, MAX_FILE_BYTES, PORTAL_SESSION_COOKIE, Public, ValidationFailedError } from '@switchboard/core';
import { CsatAnswerDto, CsatLanguageQueryDto } from '@switchboard/tickets';
import type { Response } from 'express';
import {
  PortalCommentDto,
  PortalCommentViewDto,
  PortalFileDto,
  PortalMeDto,
  PortalNewTicketDto,
  PortalTicketDto,
  PortalTicketListDto,
} from '../dto/portal-ticket.dto.js';
import { PortalTicketsGateway } from '../realtime/portal-tickets.gateway.js';
import { CurrentPortalContact, type PortalContact } from '../sign-in/portal-contact.decorator.js';
import { PortalContactGuard } from '../sign-in/portal-contact.guard.js';
import { PortalSignInService } from '../sign-in/portal-sign-in.service.js';
import { PortalCsatService } from './portal-csat.service.js';
import { PortalFilesService } from './portal-files.service.js';
import { PortalTicketWriter } from './portal-ticket-writer.service.js';
import { PortalTicketsService } from './portal-tickets.service.js';

/** The signed-in contact's tickets (sb_portal cookie or `Authorization: Portal`); another's ticket is a 404. */
@ApiTags('portal tickets')
@Public()
@UseGuards(PortalContactGuard)
@Controller('api/portal')
export class PortalTicketsController {
  constructor(
    private readonly reader: PortalTicketsService,
    private readonly writer: PortalTicketWriter,
    private readonly files: PortalFilesService,
    private readonly signIn: PortalSignInService,
    private readonly sockets: PortalTicketsGateway,
    private readonly csat: PortalCsatService,
  ) {}

  @Get('me')
  @ApiOkResponse({ type: PortalMeDto })
  me(@CurrentPortalContact() who: PortalContact): Promise<PortalMeDto> {
    return this.reader.me(who);
  }

  /** Ends this session now (its token is refused from here on, its sockets are dropped). */
  @Post('sign-out')
  @HttpCode(204)
  @ApiNoContentResponse()
  async signOut(@CurrentPortalContact() who: PortalContact, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.signIn.signOut(who.sessionId);
    this.sockets.dropSession(who.sessionId);
    res.clearCookie(PORTAL_SESSION_COOKIE, { path: '/' });
  }

  @Get('tickets')
  @ApiOkResponse({ type: PortalTicketListDto })
  async list(@CurrentPortalContact() who: PortalContact): Promise<PortalTicketListDto> {
    return { items: await this.reader.list(who) };
  }

  @Post('tickets')
  @ApiCreatedResponse({ description: '{ number }' })
  open(@CurrentPortalContact() who: PortalContact, @Body() dto: PortalNewTicketDto): Promise<{ number: number }> {
    return this.writer.open(who, dto);
  }

  @Get('tickets/:number')
  @ApiOkResponse({ type: PortalTicketDto })
  get(
    @Param('number', DbIntegerPipe) number: number,
    @Query() query: CsatLanguageQueryDto,
    @CurrentPortalContact() who: PortalContact,
  ): Promise<PortalTicketDto> {
    return this.reader.get(who, number, query.lang ?? 'en');
  }

  /** The satisfaction question of a resolved ticket (#18.4): one answer per resolution (409 after). */
  @Post('tickets/:number/csat')
  @ApiCreatedResponse({ description: '{ state: "answered", score }' })
  async rate(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: CsatAnswerDto,
    @CurrentPortalContact() who: PortalContact,
  ): Promise<{ state: 'answered'; score: number }> {
    await this.csat.answer(who, number, dto);
    return { state: 'answered', score: dto.score };
  }

  @Post('tickets/:number/comments')
  @ApiCreatedResponse({ type: PortalCommentViewDto })
  reply(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: PortalCommentDto,
    @CurrentPortalContact() who: PortalContact,
  ): Promise<PortalCommentViewDto> {
    return this.writer.reply(who, number, dto);
  }

  /** One file per request, at most 20 MB; reference its id in the reply's `attachmentIds`. */
  @Post('files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: PortalFileDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2 } }))
  async upload(
    @UploadedFile() part: { originalname: string; mimetype: string; buffer: Buffer } | undefined,
    @CurrentPortalContact() who: PortalContact,
  ): Promise<PortalFileDto> {
    if (!part)
      throw new ValidationFailedError('No file: send multipart/form-data with a "file" field', {
        file: ['is required'],
      });
    const f = await this.files.upload(who, part);
    return { id: f.id, name: f.name, size: f.size, contentType: f.contentType };
  }

  /** Always a download (never rendered on our origin). */
  @Get('tickets/:number/files/:fileId')
  async download(
    @Param('number', DbIntegerPipe) number: number,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentPortalContact() who: PortalContact,
    @Res() res: Response,
  ): Promise<void> {
    const { file, data } = await this.files.download(who, number, fileId);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(file.size));
    await pipeline(data, res).catch(() => res.destroy());
  }
}
