import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@switchboard/core';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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

/** Which language's template (each is edited and reset on its own); English when absent. */
export class EmailTemplateLanguageQuery {
  @ApiPropertyOptional({ enum: LANGUAGES, default: DEFAULT_LANGUAGE })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}
