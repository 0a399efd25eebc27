import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount, DbIntegerPipe } from '@switchboard/core';
import { CreateCommentDto } from '../dto/comment.dto.js';
import { PageQueryDto } from '../dto/page-query.dto.js';
import { TicketActivityService } from '../services/ticket-activity.service.js';
import { AddTechnicianCommentService } from '../services/add-technician-comment.service.js';
import { TicketCommentQueryService } from '../services/ticket-comment-query.service.js';
import { ActivityPageDto, CommentPageDto, CommentViewDto } from '../dto/ticket-view.dto.js';

/** The conversation and the activity log of one ticket. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/tickets/:number')
export class TicketCommentsController {
  constructor(
    private readonly addComment: AddTechnicianCommentService,
    private readonly comments: TicketCommentQueryService,
    private readonly activity: TicketActivityService,
  ) {}

  @Post('comments')
  @ApiCreatedResponse({ type: CommentViewDto })
  add(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: CreateCommentDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.addComment.add(number, dto, me);
  }

  @Get('comments')
  @ApiOkResponse({ type: CommentPageDto })
  list(
    @Param('number', DbIntegerPipe) number: number,
    @Query() query: PageQueryDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.comments.list(number, query, me);
  }

  @Get('activity')
  @ApiOkResponse({ type: ActivityPageDto })
  activityLog(
    @Param('number', DbIntegerPipe) number: number,
    @Query() query: PageQueryDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.activity.list(number, query, me);
  }
}
