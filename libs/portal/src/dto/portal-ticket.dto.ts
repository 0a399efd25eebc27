import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, IsUUID, Length, ArrayMaxSize } from 'class-validator';

/** The reply box. Bodies beyond 64K characters are truncated with an ellipsis (like an email), not refused. */
export class PortalCommentDto {
  @ApiProperty({ description: 'Over 65,536 characters: cut with …' })
  @IsString()
  @Length(1, 1_000_000)
  body: string;

  @ApiPropertyOptional({ type: [String], description: 'Ids from POST /api/portal/files (20 MB per message)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

/** New request. */
export class PortalNewTicketDto {
  @ApiProperty()
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ description: 'Over 65,536 characters: cut with …' })
  @IsString()
  @Length(1, 1_000_000)
  description: string;
}

export class PortalAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty() contentType: string;
}

export class PortalAuthorDto {
  @ApiProperty({ enum: ['account', 'contact', 'system', 'automation'] }) kind:
    'account' | 'contact' | 'system' | 'automation';
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Written by the signed-in contact' }) mine: boolean;
}

export class PortalCommentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: PortalAuthorDto }) author: PortalAuthorDto;
  @ApiProperty() source: string;
  @ApiProperty() truncated: boolean;
  @ApiProperty({ type: [PortalAttachmentDto] }) attachments: PortalAttachmentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PortalTicketSummaryDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() statusName: string;
  @ApiProperty({ type: String, nullable: true, description: "The status's French label (null: none)" })
  statusNameFr: string | null;
  @ApiProperty({ enum: ['open', 'pending', 'done'] }) statusCategory: 'open' | 'pending' | 'done';
  @ApiProperty({ description: 'A technician answered since the contact last opened it' }) unread: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PortalTicketListDto {
  @ApiProperty({ type: [PortalTicketSummaryDto] }) items: PortalTicketSummaryDto[];
}

/** The ticket's latest satisfaction survey (#18.4), unless superseded by a reopening. */
export class PortalCsatDto {
  @ApiProperty({ example: 'How did we do?' }) question: string;
  @ApiProperty({ enum: ['pending', 'answered'] }) state: 'pending' | 'answered' | 'superseded';
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class PortalTicketDto extends PortalTicketSummaryDto {
  @ApiProperty() description: string;
  @ApiProperty({ type: [PortalAttachmentDto], description: 'Files of the opening request' })
  attachments: PortalAttachmentDto[];
  @ApiProperty({ type: [PortalCommentViewDto] }) comments: PortalCommentViewDto[];
  @ApiProperty({ description: 'The reply box is offered (closed tickets only when the rules reopen them)' })
  canReply: boolean;
  @ApiProperty({ type: Number, nullable: true }) mergedInto: number | null;
  @ApiProperty({ type: PortalCsatDto, nullable: true, description: 'The satisfaction question, when there is one' })
  csat: PortalCsatDto | null;
}

export class PortalMeDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty() portal: string;
}

export class PortalFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty() contentType: string;
}
