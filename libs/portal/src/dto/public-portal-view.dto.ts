import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PortalColorsDto } from './portal.dto.js';

// Response shapes of the visitor-side API for the OpenAPI document (the portal page's generated types).

export class PublicPortalViewDto {
  @ApiProperty() name: string;
  @ApiProperty() subdomain: string;
  @ApiProperty({ enum: ['chat', 'support_request', 'unavailable'], description: 'What the page offers now' })
  view: 'chat' | 'support_request' | 'unavailable';
  @ApiPropertyOptional({ description: 'Why the portal is unavailable' }) message?: string;
  @ApiProperty({ type: PortalColorsDto }) colors: PortalColorsDto;
  @ApiProperty({ type: String, nullable: true }) logoUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) welcomeText: string | null;
  @ApiProperty({ description: 'Composer limit (characters)' }) maxLength: number;
}

export class PublicTechnicianDto {
  @ApiProperty() name: string;
}

export class PublicPortalRefDto {
  @ApiProperty() name: string;
  @ApiProperty() subdomain: string;
}

export class PublicCaseViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['live_chat', 'support_request'] }) type: 'live_chat' | 'support_request';
  @ApiProperty({ enum: ['waiting', 'active', 'ended'] }) chatStatus: 'waiting' | 'active' | 'ended';
  @ApiProperty({ type: String, nullable: true }) endedReason: string | null;
  @ApiProperty({ type: PublicTechnicianDto, nullable: true }) technician: PublicTechnicianDto | null;
  @ApiProperty({ type: PublicPortalRefDto }) portal: PublicPortalRefDto;
  @ApiProperty() lastSeq: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
}

/** A chat or support request was opened: the visitor's session token and where to find it. */
export class VisitorCaseCreatedDto {
  @ApiProperty({ description: 'Send as `Authorization: Portal <token>`' }) token: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: ['live_chat', 'support_request'] }) type: 'live_chat' | 'support_request';
}
