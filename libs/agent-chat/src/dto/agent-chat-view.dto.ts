import { ApiProperty } from '@nestjs/swagger';
import type { AgentChatView, EarlierInTicket, EarlierTicketLine, PersonRef } from '@switchboard/contracts';

// Response shapes for the OpenAPI document. `implements` the contracts' view, so the document cannot
// drift from what the server emits on sockets (checked against the same view).

export class AgentChatDeviceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() os: string;
}

export class AgentChatContactDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id: string | null;
  @ApiProperty() name: string;
}

export class AgentChatTechnicianDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AgentChatTicketDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Opened automatically for the chat (the technician may rename it)' }) auto: boolean;
}

export class AgentChatViewDto implements AgentChatView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: ['waiting', 'active', 'ended'] }) status: AgentChatView['status'];
  @ApiProperty({ enum: ['technician', 'contact'] }) initiatedBy: AgentChatView['initiatedBy'];
  @ApiProperty({ type: AgentChatDeviceDto }) device: AgentChatDeviceDto;
  @ApiProperty({ type: AgentChatContactDto }) contact: AgentChatContactDto;
  @ApiProperty({ type: AgentChatTechnicianDto, nullable: true }) technician: AgentChatTechnicianDto | null;
  @ApiProperty({ type: AgentChatTicketDto, nullable: true }) ticket: AgentChatTicketDto | null;
  @ApiProperty() lastSeq: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastMessageAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) endedReason: string | null;
}

export class AgentChatListDto {
  @ApiProperty({ type: [AgentChatViewDto] }) items: AgentChatViewDto[];
}

export class AgentChatStartedDto {
  @ApiProperty({ type: AgentChatViewDto }) chat: AgentChatViewDto;
  @ApiProperty({ description: 'An open chat with this device was reused (200) instead of a new request (201)' })
  existing: boolean;
}

export class EarlierAuthorDto {
  @ApiProperty({ enum: ['contact', 'account', 'system'] }) kind: EarlierTicketLine['author']['kind'];
  @ApiProperty() name: string;
}

export class EarlierTicketLineDto implements EarlierTicketLine {
  @ApiProperty({ type: EarlierAuthorDto }) author: EarlierAuthorDto;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EarlierInTicketDto implements EarlierInTicket {
  @ApiProperty() number: number;
  @ApiProperty({ type: [EarlierTicketLineDto] }) lines: EarlierTicketLineDto[];
  @ApiProperty({ description: 'Older replies were left out' }) more: boolean;
}

export class AgentChatEarlierDto {
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ type: EarlierInTicketDto, nullable: true }) earlier: EarlierInTicketDto | null;
}
