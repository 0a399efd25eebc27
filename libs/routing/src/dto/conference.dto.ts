import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AGENT_STATES, CONFERENCE_STATES, type AgentState, type ConferenceState } from '../routing.types.js';

export class RequestConferenceDto {
  @ApiProperty({ format: 'uuid', description: 'The agent asked into the conversation' })
  @IsUUID('all', { message: 'accountId must be the id of an agent' })
  accountId: string;
}

export class ConferenceTargetsQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the agent name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ConferenceViewDto {
  @ApiProperty({ enum: CONFERENCE_STATES }) state: ConferenceState;
  @ApiProperty() agentId: string;
  @ApiProperty() agentName: string;
  @ApiProperty() requestedById: string;
  @ApiProperty() requestedByName: string;
}

export class ConferenceTargetViewDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENT_STATES }) state: AgentState;
  @ApiProperty() activeChats: number;
  @ApiProperty() maxChats: number;
}
