import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AGENT_STATES, type AgentState } from '../routing.types.js';
import { WrapUpViewDto } from './wrap-up.dto.js';

/** Exactly one of the two (checked by the service, which names the rule). */
export class TransferConversationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Transfer to this queue (one that takes the company)' })
  @IsOptional()
  @IsUUID('all', { message: 'queueId must be the id of a queue' })
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Transfer to this agent (Available with a free slot)' })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be the id of an agent' })
  accountId?: string;
}

export class TransferTargetsQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Case-insensitive part of a queue or agent name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class TransferTargetDto {
  @ApiProperty({ enum: ['queue', 'agent'] }) kind: 'queue' | 'agent';
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ContactTransferViewDto {
  @ApiProperty() conversationId: string;
  @ApiProperty({ type: TransferTargetDto }) target: TransferTargetDto;
  @ApiProperty({ type: WrapUpViewDto, description: "The transferring agent's wrap-up (cause transferred)" })
  wrapUp: WrapUpViewDto;
}

export class TransferTargetQueueDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Contacts waiting or ringing in it' }) waiting: number;
}

export class TransferTargetAgentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENT_STATES }) state: AgentState;
  @ApiProperty() activeChats: number;
  @ApiProperty() maxChats: number;
}

export class TransferTargetsViewDto {
  @ApiProperty({ type: [TransferTargetQueueDto] }) queues: TransferTargetQueueDto[];
  @ApiProperty({ type: [TransferTargetAgentDto] }) agents: TransferTargetAgentDto[];
}
