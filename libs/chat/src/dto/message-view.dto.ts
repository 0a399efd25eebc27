import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MessageAuthor, MessageView } from '@switchboard/contracts';

// Response shapes for the OpenAPI document. `implements` the contracts' view, so the document cannot
// drift from what the server emits on sockets (checked against the same view).

export class MessageAuthorDto implements MessageAuthor {
  @ApiProperty({ enum: ['contact', 'technician', 'system'] }) kind: MessageAuthor['kind'];
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty() name: string;
}

export class MessageFileDto {
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty() contentType: string;
}

export class MessageViewDto implements MessageView {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ type: String, nullable: true }) clientId: string | null;
  @ApiProperty({ enum: ['text', 'system', 'file'] }) kind: MessageView['kind'];
  @ApiProperty() body: string;
  @ApiProperty({ type: MessageAuthorDto }) author: MessageAuthorDto;
  @ApiPropertyOptional({ type: MessageFileDto, description: "Only on `kind: 'file'` messages" }) file?: MessageFileDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MessageListDto {
  @ApiProperty({ type: [MessageViewDto] }) items: MessageViewDto[];
}

/** The answer to posting a message (REST or the socket's ack). */
export class MessageAckDto {
  @ApiProperty({ type: MessageViewDto }) message: MessageViewDto;
}
