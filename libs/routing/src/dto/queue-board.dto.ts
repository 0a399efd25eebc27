import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENT_STATES, type AgentState } from '../routing.types.js';

// Response shapes of GET /api/queues/board for the OpenAPI document (the web's generated types).

export class QueueBoardContactDto {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ format: 'uuid', description: 'Masking scope of the customer name' }) companyId: string;
  @ApiProperty({ description: 'Masked like every technician payload' }) customerName: string;
  @ApiProperty({ enum: ['waiting', 'offered'], description: 'offered = ringing an agent' })
  state: 'waiting' | 'offered';
  @ApiPropertyOptional({ type: String, nullable: true }) offeredToId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) offeredToName: string | null;
  @ApiProperty({ format: 'date-time' }) arrivedAt: string;
  @ApiProperty({ description: 'Seconds since arrival at generatedAt' }) waitSeconds: number;
}

export class QueueBoardAgentDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENT_STATES }) state: AgentState;
  @ApiProperty() activeChats: number;
  @ApiProperty() maxChats: number;
  @ApiProperty({ format: 'date-time' }) stateSince: string;
}

export class QueueBoardReasonCountDto {
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class QueueBoardTodayDto {
  @ApiProperty({ description: 'Contacts that entered the queue today' }) arrived: number;
  @ApiProperty() accepted: number;
  @ApiProperty() overflowed: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Arrival → accept of contacts accepted today' })
  averageWaitSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Accept → end of conversations wrapped up today' })
  averageHandleSeconds: number | null;
  @ApiProperty({ type: [QueueBoardReasonCountDto], description: "Today's wrap-ups by reason, most used first" })
  wrapUpReasons: QueueBoardReasonCountDto[];
}

export class QueueBoardQueueDto {
  @ApiProperty({ format: 'uuid' }) queueId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [QueueBoardContactDto] }) waiting: QueueBoardContactDto[];
  @ApiProperty({ type: [QueueBoardAgentDto] }) agents: QueueBoardAgentDto[];
  @ApiProperty({ type: QueueBoardTodayDto }) today: QueueBoardTodayDto;
}

export class QueueBoardViewDto {
  @ApiProperty({ format: 'date-time', description: "The server's now (waits tick from it)" }) generatedAt: string;
  @ApiProperty({ format: 'date-time', description: 'Start of today (00:00 UTC)' }) since: string;
  @ApiProperty({ type: [QueueBoardQueueDto] }) queues: QueueBoardQueueDto[];
}
