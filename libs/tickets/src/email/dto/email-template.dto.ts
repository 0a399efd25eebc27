import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class UpdateEmailTemplateDto {
  @ApiProperty({ example: '[#{{ticket.number}}] {{{ticket.title}}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  subject!: string;

  @ApiProperty({ description: 'Plain-text part (Handlebars; use {{{...}}} so text is not HTML-escaped)' })
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  text!: string;

  @ApiProperty({ description: 'HTML part (Handlebars; {{...}} escapes)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  html!: string;
}
