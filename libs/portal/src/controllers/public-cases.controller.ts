import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPortalVisitor, PortalSessionGuard, Public, type PortalPrincipal } from '@switchboard/core';
import type { Response } from 'express';
import { AfterSeqQueryDto, TranscriptQueryDto } from '../dto/visitor.dto.js';
import { PortalVisitorService } from '../services/portal-visitor.service.js';
import { PublicCaseViewDto } from '../dto/public-portal-view.dto.js';
import { MessageListDto } from '@switchboard/chat';

/** The visitor's own case, with `Authorization: Portal <token>`; any other id is a 404. */
@ApiTags('public portal')
@Public()
@UseGuards(PortalSessionGuard)
@Controller('api/public/cases/:id')
export class PublicCasesController {
  constructor(private readonly visitors: PortalVisitorService) {}

  @Get()
  @ApiOkResponse({ type: PublicCaseViewDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPortalVisitor() visitor: PortalPrincipal,
  ): Promise<PublicCaseViewDto> {
    return this.visitors.publicCase(visitor, id);
  }

  @Get('messages')
  @ApiOkResponse({ type: MessageListDto })
  async messages(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AfterSeqQueryDto,
    @CurrentPortalVisitor() visitor: PortalPrincipal,
  ): Promise<MessageListDto> {
    return { items: await this.visitors.messages(visitor, id, query.afterSeq ?? 0) };
  }

  @Post('end')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicCaseViewDto })
  end(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPortalVisitor() visitor: PortalPrincipal,
  ): Promise<PublicCaseViewDto> {
    return this.visitors.end(visitor, id);
  }

  @Post('convert')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicCaseViewDto })
  convert(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPortalVisitor() visitor: PortalPrincipal,
  ): Promise<PublicCaseViewDto> {
    return this.visitors.convert(visitor, id);
  }

  @Get('transcript')
  async transcript(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TranscriptQueryDto,
    @CurrentPortalVisitor() visitor: PortalPrincipal,
    @Res() res: Response,
  ) {
    const format = query.format === 'text' ? 'text' : 'html';
    const body = await this.visitors.transcript(visitor, id, format);
    res
      .status(200)
      .type(format === 'text' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="chat-${id}.${format === 'text' ? 'txt' : 'html'}"`)
      .set('Cache-Control', 'no-store')
      .send(body);
  }
}
