import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web's generated types); the service returns DeviceView.

export class DeviceViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() name: string;
  @ApiProperty() os: string;
  @ApiProperty() helpdeskAgentEnabled: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) contactId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSeenAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A device as the admin/technician lists show it: with whether its helpdesk agent is connected now. */
export class DeviceListItemDto extends DeviceViewDto {
  @ApiProperty({ description: 'The helpdesk agent is connected right now (on any API instance)' }) online: boolean;
}

export class DevicePageDto {
  @ApiProperty({ type: [DeviceListItemDto] }) items: DeviceListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** A new device or a rotated token: the token is shown once. */
export class DeviceWithTokenDto {
  @ApiProperty({ type: DeviceViewDto }) device: DeviceViewDto;
  @ApiProperty({ description: 'The helpdesk agent token (shown once)' }) token: string;
}

/** POST /api/devices/:id/enrolment-code: shown once; `switchboard-agent enroll <server> <code>`. */
export class EnrolmentCodeDto {
  @ApiProperty({ example: 'K7QM-3XZP-9WRT' }) code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: DeviceViewDto }) device: DeviceViewDto;
}
