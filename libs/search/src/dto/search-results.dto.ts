import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SearchHighlightDto {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
}

/** Some text around the first match, as the viewer may see it (masked where they see it masked). */
export class SearchSnippetDto {
  @ApiProperty() text: string;
  @ApiProperty({ type: [SearchHighlightDto], description: 'Matched ranges of `text` (UTF-16 offsets)' })
  highlights: SearchHighlightDto[];
}

export class SearchTicketHitDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() companyId: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ enum: ['ticket', 'comment'], description: 'Whether the title/description or a comment matched' })
  matchedIn: 'ticket' | 'comment';
  @ApiProperty({ type: SearchSnippetDto }) snippet: SearchSnippetDto;
}

export class SearchContactHitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() companyId: string;
  @ApiProperty({ type: SearchSnippetDto }) snippet: SearchSnippetDto;
}

export class SearchConversationHitDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subject: string | null;
  @ApiProperty() status: string;
  @ApiProperty() companyId: string;
  @ApiProperty({ description: 'The channel (agent: a technician chat, opened at /chats/:id)' })
  channel: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The ticket the conversation belongs to' })
  ticketNumber: number | null;
  @ApiProperty({ description: 'When the matching message was sent' }) at: string;
  @ApiProperty({ type: SearchSnippetDto }) snippet: SearchSnippetDto;
}

export class SearchResultsDto {
  @ApiProperty({ type: [SearchTicketHitDto] }) tickets: SearchTicketHitDto[];
  @ApiProperty({ type: [SearchContactHitDto] }) contacts: SearchContactHitDto[];
  @ApiProperty({ type: [SearchConversationHitDto] }) conversations: SearchConversationHitDto[];
}
