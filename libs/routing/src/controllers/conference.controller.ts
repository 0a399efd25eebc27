import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import {
  ConferenceTargetsQueryDto,
  ConferenceTargetViewDto,
  ConferenceViewDto,
  RequestConferenceDto,
} from '../dto/conference.dto.js';
import { ConferenceEndService } from '../conference/conference-end.service.js';
import { ConferenceRequestService } from '../conference/conference-request.service.js';
import { ConferenceTargetService } from '../conference/conference-target.service.js';

/** Conference of a queue-routed chat: whom to ask, ask, end (the answer is the offer pop-up's, on /agent). */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/conversations')
export class ConferenceController {
  constructor(
    private readonly requests: ConferenceRequestService,
    private readonly targets: ConferenceTargetService,
    private readonly ends: ConferenceEndService,
  ) {}

  @Get(':id/conference-targets')
  @ApiOkResponse({ type: [ConferenceTargetViewDto] })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ConferenceTargetsQueryDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.targets.list(id, me, query.q);
  }

  @Post(':id/conference')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceViewDto })
  request(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestConferenceDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.requests.request(id, dto.accountId, me);
  }

  @Post(':id/conference/end')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceViewDto })
  end(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.ends.end(id, me);
  }
}
