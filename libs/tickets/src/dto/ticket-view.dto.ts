import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ActivityView,
  AttachmentRef,
  AuthorRef,
  CcEntry,
  CommentView,
  PersonRef,
  TicketView,
} from '@switchboard/contracts';

// Response shapes for the OpenAPI document. `implements` the contracts' views, so the document cannot
// drift from what the server emits on sockets (checked against the same views).

export class TicketPersonDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class TicketRequesterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class CcEntryViewDto implements CcEntry {
  @ApiProperty({ enum: ['contact', 'account'] }) kind: CcEntry['kind'];
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email?: string | null;
}

export class TicketViewDto implements TicketView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 42 }) number: number;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'open', description: 'A status key (see /api/ticket-statuses)' }) status: string;
  @ApiProperty({ enum: ['open', 'pending', 'done'] }) statusCategory: TicketView['statusCategory'];
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) priority: TicketView['priority'];
  @ApiProperty({ enum: ['minor', 'moderate', 'major', 'site_down'] }) impact: TicketView['impact'];
  @ApiProperty({ enum: ['incident', 'problem', 'request', 'change'] }) type: TicketView['type'];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) productFamilyId: string | null;
  @ApiProperty({ enum: ['unread', 'read', 'waiting_for_contact', 'waiting_for_technician'] })
  activityStatus: TicketView['activityStatus'];
  @ApiProperty({ example: 'email' }) source: string;
  @ApiProperty({ enum: ['positive', 'negative', 'neutral'], nullable: true }) sentiment: TicketView['sentiment'];
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, description: 'Latest satisfaction score' })
  csatScore: number | null;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ type: TicketRequesterDto, nullable: true }) requester: TicketRequesterDto | null;
  @ApiProperty({ type: TicketPersonDto, nullable: true }) assignee: TicketPersonDto | null;
  @ApiProperty({ type: [CcEntryViewDto] }) cc: CcEntryViewDto[];
  @ApiProperty({ type: Number, nullable: true }) mergedInto: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketViewDto] }) items: TicketViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuthorRefDto implements AuthorRef {
  @ApiProperty({ enum: ['account', 'contact', 'system', 'automation'] }) kind: AuthorRef['kind'];
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty() name: string;
}

export class AttachmentRefDto implements AttachmentRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty() contentType: string;
  @ApiPropertyOptional({ description: 'Shown in the body (cid: image)' }) inline?: boolean;
  @ApiPropertyOptional() contentId?: string;
}

export class CommentViewDto implements CommentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ticketNumber: number;
  @ApiProperty({ enum: ['public', 'internal'] }) visibility: CommentView['visibility'];
  @ApiProperty() body: string;
  @ApiProperty({ type: AuthorRefDto }) author: AuthorRefDto;
  @ApiProperty({ example: 'email' }) source: string;
  @ApiProperty({ description: 'The body was cut at the size limit' }) truncated: boolean;
  @ApiProperty({ type: [CcEntryViewDto] }) cc: CcEntryViewDto[];
  @ApiProperty({ type: [TicketPersonDto] }) notify: TicketPersonDto[];
  @ApiProperty({ type: [AttachmentRefDto] }) attachments: AttachmentRefDto[];
  @ApiPropertyOptional({ description: 'The full original (.eml) is stored: GET .../comments/:id/original' })
  hasOriginal?: boolean;
  @ApiProperty({
    description: "The ticket's opening message (first mail of an email ticket): its Request, not a reply",
  })
  opening: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CommentPageDto {
  @ApiProperty({ type: [CommentViewDto] }) items: CommentViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** Any JSON value (a status key, a person, a list...): what the activity changed. */
const ANY_JSON = {
  nullable: true,
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
};

export class ActivityViewDto implements ActivityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ticketNumber: number;
  @ApiProperty({ example: 'status.changed' }) action: string;
  @ApiProperty({ type: AuthorRefDto }) actor: AuthorRefDto;
  @ApiProperty({ ...ANY_JSON, description: 'The value before' }) from: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'The value after' }) to: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityViewDto] }) items: ActivityViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TicketSummaryViewDto {
  @ApiProperty() number: number;
  @ApiProperty({ format: 'uuid', description: 'Masking scope of the hover card' }) companyId: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) priority: TicketView['priority'];
  @ApiProperty({ enum: ['unread', 'read', 'waiting_for_contact', 'waiting_for_technician'] })
  activityStatus: TicketView['activityStatus'];
  @ApiProperty({ type: CommentViewDto, nullable: true }) latestComment: CommentViewDto | null;
}
