import { ApiProperty } from '@nestjs/swagger';

// GET /api/contacts/:id/overview: what the ticket page's sidebar shows about a requester.

export class OverviewContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class OverviewCompanyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class OverviewTicketDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['open', 'pending', 'done'] }) statusCategory: 'open' | 'pending' | 'done';
  @ApiProperty() updatedAt: string;
}

export class OverviewChatDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() shortId: string;
  @ApiProperty({ enum: ['live_chat', 'support_request'] }) type: 'live_chat' | 'support_request';
  @ApiProperty({ enum: ['unassigned', 'assigned', 'resolved'] }) status: 'unassigned' | 'assigned' | 'resolved';
  @ApiProperty() question: string;
  @ApiProperty({ type: Number, nullable: true }) ticketNumber: number | null;
  @ApiProperty() createdAt: string;
}

export class OverviewDeviceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() os: string;
  @ApiProperty({ type: String, nullable: true }) lastSeenAt: string | null;
}

export class ContactOverviewDto {
  @ApiProperty({ format: 'uuid', description: 'The masking scope of everything below' }) companyId: string;
  @ApiProperty({ type: OverviewContactDto }) contact: OverviewContactDto;
  @ApiProperty({ type: OverviewCompanyDto, nullable: true }) company: OverviewCompanyDto | null;
  @ApiProperty({ type: [OverviewTicketDto], description: 'Newest first, at most 10' }) tickets: OverviewTicketDto[];
  @ApiProperty({ type: [OverviewChatDto], description: 'Newest first, at most 10' }) chats: OverviewChatDto[];
  @ApiProperty({ type: [OverviewDeviceDto] }) devices: OverviewDeviceDto[];
}
