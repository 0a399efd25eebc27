import { Body, Controller, Get, Headers, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountService, CurrentAccount, Unmasked, withLanguage, type AccountPrincipal } from '@switchboard/core';
import { AgentStateViewDto, SetAgentStateDto } from '../dto/agent-state.dto.js';
import { MeViewDto } from '../dto/me-view.dto.js';
import { WrapUpViewDto } from '../dto/wrap-up.dto.js';
import { AgentStateService } from '../services/agent-state.service.js';
import { WrapUpService } from '../wrap-up/wrap-up.service.js';

@ApiTags('me')
@ApiBearerAuth()
// Staff data: outbound PII masking does not apply.
@Unmasked()
@Controller('api/me')
export class MeAgentStateController {
  constructor(
    private readonly accounts: AccountService,
    private readonly states: AgentStateService,
    private readonly wrapUps: WrapUpService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeViewDto })
  async me(
    @CurrentAccount() me: AccountPrincipal,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<MeViewDto> {
    const [account, agentState] = await Promise.all([this.accounts.get(me.id), this.states.get(me.id)]);
    return { ...withLanguage(account, acceptLanguage), agentState };
  }

  @Put('agent-state')
  @ApiOkResponse({ type: AgentStateViewDto })
  setState(@Body() dto: SetAgentStateDto, @CurrentAccount() me: AccountPrincipal): Promise<AgentStateViewDto> {
    return this.states.choose(me.id, dto.state);
  }

  /** The wrap-ups the agent still owes (the dialog reopens after a reload). */
  @Get('wrap-ups')
  @ApiOkResponse({ type: [WrapUpViewDto] })
  pendingWrapUps(@CurrentAccount() me: AccountPrincipal): Promise<WrapUpViewDto[]> {
    return this.wrapUps.pending(me);
  }
}
