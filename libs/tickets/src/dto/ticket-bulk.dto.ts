import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '../ticket.types.js';

export const BULK_ACTIONS = ['status', 'assignee', 'priority', 'merge'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** A page of the list holds at most 100 rows worth acting on at once; more would hold the request too long. */
export const BULK_MAX_TICKETS = 100;

/** POST /api/tickets/bulk: one change on several tickets of the list (each field required by its action only). */
export class BulkTicketChangeDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: BULK_MAX_TICKETS, uniqueItems: true })
  @IsArray({ message: 'ids must be a list of ticket ids' })
  @ArrayMinSize(1, { message: 'ids must name at least one ticket' })
  @ArrayMaxSize(BULK_MAX_TICKETS, { message: `ids must name at most ${BULK_MAX_TICKETS} tickets` })
  @ArrayUnique({ message: 'ids must not repeat a ticket' })
  @IsUUID('all', { each: true, message: 'ids must be ticket ids' })
  ids: string[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS, { message: `action must be one of: ${BULK_ACTIONS.join(', ')}` })
  action: BulkAction;

  @ApiPropertyOptional({ description: 'the new status (action status)' })
  @ValidateIf((o: BulkTicketChangeDto) => o.action === 'status')
  @IsString({ message: 'statusKey must be a status key' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'statusKey must be a status key' })
  statusKey?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the new assignee (action assignee); null unassigns',
  })
  @ValidateIf((o: BulkTicketChangeDto) => o.action === 'assignee' && o.assigneeId !== null)
  @IsUUID('all', { message: 'assigneeId must be an account id, or null to unassign' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: 'the new priority (action priority)' })
  @ValidateIf((o: BulkTicketChangeDto) => o.action === 'priority')
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of: ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid', description: 'the ticket the others are merged into (action merge)' })
  @ValidateIf((o: BulkTicketChangeDto) => o.action === 'merge')
  @IsUUID('all', { message: 'targetId must be a ticket id' })
  targetId?: string;
}

/** One ticket's outcome: changed (or already so), or why not. */
export class BulkTicketResultDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  ok: boolean;

  @ApiPropertyOptional({ description: 'why this ticket was not changed (ok false)' })
  error?: string;
}

export class BulkTicketChangeResultDto {
  @ApiProperty({ type: [BulkTicketResultDto], description: 'one entry per requested id, in request order' })
  results: BulkTicketResultDto[];
}
