import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type AccountPrincipal } from '@switchboard/core';
import { ChannelLimits, MessageAckDto, MessageListDto } from '@switchboard/chat';
import type { Response } from 'express';
import {
  CaseListQueryDto,
  CaseMessageDto,
  CaseMessagesQueryDto,
  FollowUpDto,
  TranscriptFormatDto,
} from '../dto/case.dto.js';
import { CaseFollowUpService } from '../services/case-follow-up.service.js';
import { CaseSeenService } from '../services/case-seen.service.js';
import { CaseService } from '../services/case.service.js';
import { CaseTranscriptService } from '../services/case-transcript.service.js';
import { CasePageDto, CaseViewDto } from '../dto/case-view.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly seen: CaseSeenService,
    private readonly followUps: CaseFollowUpService,
    private readonly limits: ChannelLimits,
    private readonly transcripts: CaseTranscriptService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CasePageDto })
  list(@Query() q: CaseListQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.list(q.view ?? 'all', me, q);
  }

  @Get('unseen')
  async unseen(@CurrentAccount() me: AccountPrincipal) {
    return { unseen: await this.seen.unseen(me) };
  }

  @Post('seen')
  @HttpCode(200)
  markSeen(@CurrentAccount() me: AccountPrincipal) {
    return this.seen.markSeen(me);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.get(id, me);
  }

  @Get(':id/messages')
  @ApiOkResponse({ type: MessageListDto })
  async messages(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: CaseMessagesQueryDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return { items: await this.cases.messages(id, me, q.afterSeq ?? 0) };
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ type: MessageAckDto })
  send(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseMessageDto, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.send(id, me, dto, this.limits.maxLength('portal'));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseViewDto })
  assign(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.assign(id, me);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseViewDto })
  resolve(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.resolve(id, me);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseViewDto })
  reopen(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.reopen(id, me);
  }

  /** Back to Unassigned (from Assigned or Resolved). */
  @Post(':id/unassign')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseViewDto })
  unassign(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.unassign(id, me);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseViewDto })
  leave(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.cases.leave(id, me);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  followUp(@Param('id', ParseUUIDPipe) id: string, @Body() dto: FollowUpDto, @CurrentAccount() me: AccountPrincipal) {
    return this.followUps.followUp(id, me, dto.body);
  }

  @Get(':id/transcript')
  async transcript(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: TranscriptFormatDto,
    @CurrentAccount() me: AccountPrincipal,
    @Res() res: Response,
  ) {
    const format = q.format ?? 'html';
    const body = await this.transcripts.render(id, me, format);
    res
      .status(200)
      .type(format === 'text' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="chat-${id}.${format === 'text' ? 'txt' : 'html'}"`)
      .send(body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    await this.cases.remove(id, me);
  }
}
