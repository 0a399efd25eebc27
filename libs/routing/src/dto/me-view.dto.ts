import { ApiProperty } from '@nestjs/swagger';
import { AccountViewDto } from '@switchboard/core';
import { AgentStateViewDto } from './agent-state.dto.js';

/** GET /api/me: the signed-in account with its contact-centre state. */
export class MeViewDto extends AccountViewDto {
  @ApiProperty({ type: AgentStateViewDto }) agentState: AgentStateViewDto;
}
