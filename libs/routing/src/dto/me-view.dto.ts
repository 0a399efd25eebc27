import { ApiProperty } from '@nestjs/swagger';
import { AccountLanguageViewDto } from '@switchboard/core';
import { AgentStateViewDto } from './agent-state.dto.js';

/** GET /api/me: the signed-in account with its console language and contact-centre state. */
export class MeViewDto extends AccountLanguageViewDto {
  @ApiProperty({ type: AgentStateViewDto }) agentState: AgentStateViewDto;
}
