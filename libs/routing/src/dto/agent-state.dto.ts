import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AGENT_STATES, CHOOSABLE_AGENT_STATES, type AgentState, type ChoosableAgentState } from '../routing.types.js';

export class SetAgentStateDto {
  @ApiProperty({ enum: CHOOSABLE_AGENT_STATES, description: 'Busy and RONA are set by the system' })
  @IsIn(CHOOSABLE_AGENT_STATES, {
    message: 'state must be "available" or "not_ready" (busy and rona are set by the system)',
  })
  state: ChoosableAgentState;
}

export class AgentStateViewDto {
  @ApiProperty({ enum: AGENT_STATES }) state: AgentState;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty() activeChats: number;
  @ApiProperty() maxChats: number;
}
