import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount, DbIntegerPipe } from '@switchboard/core';
import type { Response } from 'express';
import { CommentOriginalService } from './comment-original.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/tickets/:number/comments/:id/original')
export class CommentOriginalController {
  constructor(private readonly originals: CommentOriginalService) {}

  /** The original message (.eml) of an email comment, as a download; 404 when the comment has none. */
  @Get()
  @ApiOperation({ summary: 'The full original message of an inbound email comment (message/rfc822, download)' })
  @ApiProduces('message/rfc822')
  async original(
    @Param('number', DbIntegerPipe) number: number,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentAccount() me: AccountPrincipal,
    @Res() res: Response,
  ) {
    const { name, data } = await this.originals.open(number, id, me);
    // Always a download (never rendered: an HTML part must not run on our origin).
    res.setHeader('Content-Type', 'message/rfc822');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(data.length));
    res.end(data);
  }
}
