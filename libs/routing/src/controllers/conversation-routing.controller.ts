import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import {
  ConversationEndedDto,
  ConversationRoutingViewDto,
  SubmitWrapUpDto,
  WrapUpViewDto,
} from '../dto/wrap-up.dto.js';
import { ConversationEndService } from '../wrap-up/conversation-end.service.js';
import { ConversationRoutingService } from '../wrap-up/conversation-routing.service.js';
import { WrapUpService } from '../wrap-up/wrap-up.service.js';

/** The contact-centre side of a conversation: its routing facts, the agent's End and wrap-up. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/conversations')
export class ConversationRoutingController {
  constructor(
    private readonly routing: ConversationRoutingService,
    private readonly ends: ConversationEndService,
    private readonly wrapUps: WrapUpService,
  ) {}

  @Get(':id/routing')
  @ApiOkResponse({ type: ConversationRoutingViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.routing.get(id, me);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationEndedDto })
  end(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.ends.end(id, me);
  }

  @Post(':id/wrap-up')
  @HttpCode(200)
  @ApiOkResponse({ type: WrapUpViewDto })
  wrapUp(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitWrapUpDto, @CurrentAccount() me: AccountPrincipal) {
    return this.wrapUps.submit(id, me, dto);
  }
}
