import { ApiProperty } from '@nestjs/swagger';

export class QuickReplyPlaceholdersDto {
  @ApiProperty({
    type: [String],
    example: ['contact.firstName', 'ticket.number'],
    description: 'Paths a quick reply body may use as {{path}} (or in {{#if path}} blocks); any other is refused',
  })
  placeholders: string[];
}
