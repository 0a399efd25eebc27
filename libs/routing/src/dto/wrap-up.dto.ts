import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConferenceViewDto } from './conference.dto.js';
import {
  CONTACT_ROUTING_STATES,
  WRAP_UP_CAUSES,
  type ContactRoutingState,
  type WrapUpCause,
} from '../routing.types.js';

export class SubmitWrapUpDto {
  @ApiProperty({ format: 'uuid', description: 'An active wrap-up reason' })
  @IsUUID('all', { message: 'reasonId must be the id of a wrap-up reason' })
  reasonId: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class WrapUpViewDto {
  @ApiProperty() id: string;
  @ApiProperty() conversationId: string;
  @ApiProperty({ enum: WRAP_UP_CAUSES }) cause: WrapUpCause;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, nullable: true }) reasonId: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) wrappedAt: string | null;
}

export class ConversationEndedDto {
  @ApiProperty() conversationId: string;
  @ApiProperty({ type: WrapUpViewDto }) wrapUp: WrapUpViewDto;
}

export class ConversationRoutingViewDto {
  @ApiProperty() conversationId: string;
  @ApiProperty() queueId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once the queue was deleted' }) queueName:
    string | null;
  @ApiProperty() queueDeleted: boolean;
  @ApiProperty({ enum: CONTACT_ROUTING_STATES }) state: ContactRoutingState;
  @ApiProperty({ type: String, nullable: true }) agentId: string | null;
  @ApiProperty({ type: WrapUpViewDto, nullable: true }) wrapUp: WrapUpViewDto | null;
  @ApiProperty({ type: ConferenceViewDto, nullable: true, description: 'The open conference (ringing or joined)' })
  conference: ConferenceViewDto | null;
}
