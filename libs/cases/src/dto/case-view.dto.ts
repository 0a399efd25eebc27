import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseDeviceView, CaseView, PersonRef } from '@switchboard/contracts';

// Response shapes for the OpenAPI document. `implements` the contracts' view, so the document cannot
// drift from what the server emits on sockets (checked against the same view).

export class CaseAssigneeDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CasePortalRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() subdomain: string;
  @ApiProperty() address: string;
}

export class CaseCustomerDto {
  @ApiProperty({ format: 'uuid' }) contactId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class CaseDeviceDto implements CaseDeviceView {
  @ApiPropertyOptional({ type: String, nullable: true }) browser?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) os?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deviceType?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) language?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) userAgent?: string | null;
}

export class CaseViewDto implements CaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The tail of the id, shown to people' }) shortId: string;
  @ApiProperty({ enum: ['live_chat', 'support_request'] }) type: CaseView['type'];
  @ApiProperty({ enum: ['unassigned', 'assigned', 'resolved'] }) status: CaseView['status'];
  @ApiProperty({ description: 'A live chat that has not ended' }) live: boolean;
  @ApiProperty({ enum: ['waiting', 'active', 'ended'] }) chatStatus: CaseView['chatStatus'];
  @ApiProperty({ type: String, nullable: true }) endedReason: string | null;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ type: CasePortalRefDto }) portal: CasePortalRefDto;
  @ApiProperty({ type: CaseCustomerDto, nullable: true }) customer: CaseCustomerDto | null;
  @ApiProperty({ type: CaseAssigneeDto, nullable: true }) assignee: CaseAssigneeDto | null;
  @ApiProperty() question: string;
  @ApiProperty({ type: [String] }) preview: string[];
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ type: CaseDeviceDto, nullable: true }) device: CaseDeviceDto | null;
  @ApiProperty({ type: Number, nullable: true }) ticketNumber: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) assignedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resolvedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseViewDto] }) items: CaseViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Cases this technician has not seen yet' }) unseen: number;
}
