import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';
import {
  SENTIMENTS,
  type Sentiment,
  TICKET_IMPACTS,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  TicketImpact,
  TicketPriority,
  TicketType,
} from '../ticket.types.js';
import { CcEntryDto } from './cc-entry.dto.js';

const oneOf = (values: readonly string[], field: string) => ({
  message: `${field} must be one of: ${values.join(', ')}`,
});
const STATUS_KEY = /^[a-z][a-z0-9_]{1,39}$/;

export class CreateTicketDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title: string;

  @ApiProperty({ maxLength: 65536 })
  @IsString()
  @MaxLength(65536)
  description: string;

  @ApiProperty({ format: 'uuid', description: 'contact id; the ticket belongs to their company' })
  @IsUUID('all', { message: 'requesterId must be a contact id' })
  requesterId: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, oneOf(TICKET_PRIORITIES, 'priority'))
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_IMPACTS })
  @IsOptional()
  @IsIn(TICKET_IMPACTS, oneOf(TICKET_IMPACTS, 'impact'))
  impact?: TicketImpact;

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES, oneOf(TICKET_TYPES, 'type'))
  type?: TicketType;

  @ApiPropertyOptional({ description: 'status key (default open)' })
  @IsOptional()
  @IsString()
  @Matches(STATUS_KEY, { message: 'status must be a status key' })
  status?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  productFamilyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be an account id' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: [CcEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CcEntryDto)
  cc?: CcEntryDto[];
}

export class UpdateTicketDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(65536)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(STATUS_KEY, { message: 'status must be a status key' })
  status?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, oneOf(TICKET_PRIORITIES, 'priority'))
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_IMPACTS })
  @IsOptional()
  @IsIn(TICKET_IMPACTS, oneOf(TICKET_IMPACTS, 'impact'))
  impact?: TicketImpact;

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES, oneOf(TICKET_TYPES, 'type'))
  type?: TicketType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null clears it' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID()
  productFamilyId?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'requesterId must be a contact id' })
  requesterId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null unassigns' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be an account id' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: [CcEntryDto], description: 'replaces the Cc list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CcEntryDto)
  cc?: CcEntryDto[];
}

export class TicketListQueryDto {
  @ApiPropertyOptional({ description: 'status key, comma list, or category:open|pending|done' })
  @IsOptional()
  @IsString()
  @Matches(
    /^(category:(open|pending|done)|[a-z][a-z0-9_]{1,39})(,(category:(open|pending|done)|[a-z][a-z0-9_]{1,39}))*$/,
    { message: 'status must be status keys or category:open|pending|done, comma separated' },
  )
  status?: string;

  @ApiPropertyOptional({ description: 'account id, "me" or "none"' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignee must be an account id, me or none',
  })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  requester?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  company?: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES, oneOf(TICKET_TYPES, 'type'))
  type?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, oneOf(TICKET_PRIORITIES, 'priority'))
  priority?: string;

  @ApiPropertyOptional({ enum: SENTIMENTS, description: "the end user's sentiment (feature-sentiment plugin)" })
  @IsOptional()
  @IsIn(SENTIMENTS, oneOf(SENTIMENTS, 'sentiment'))
  sentiment?: Sentiment;

  @ApiPropertyOptional({ description: 'text search in title and description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'created|updated|priority|number, "-" prefix for descending (default -updated)' })
  @IsOptional()
  @IsIn(['created', '-created', 'updated', '-updated', 'priority', '-priority', 'number', '-number'], {
    message: 'sort must be created, updated, priority or number, optionally prefixed with -',
  })
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}

export class MergeTicketDto {
  @ApiProperty({ example: 57 })
  @IsInt({ message: 'into must be a ticket number' })
  @Min(1)
  @Max(MAX_DB_INTEGER, { message: 'into must be at most 2147483647' })
  into: number;
}
