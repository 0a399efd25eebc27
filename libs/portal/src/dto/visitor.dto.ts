import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';

/** The live chat / support request form. The question obeys the 1,000-character composer rule. */
export class VisitorSubmissionDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  firstName: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  lastName: string;

  @ApiProperty()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  question: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;

  @ApiPropertyOptional({ description: "The visitor accepted the widget's proactive invitation" })
  @IsOptional()
  @IsBoolean()
  proactive?: boolean;
}

export class AfterSeqQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DB_INTEGER, { message: 'afterSeq must be at most 2147483647' })
  afterSeq?: number;
}

export class TranscriptQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  format?: string;
}

export class ChatJoinDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DB_INTEGER, { message: 'afterSeq must be at most 2147483647' })
  afterSeq?: number;
}

export class ChatSendDto {
  @IsString()
  @Length(1, 64)
  clientId: string;

  @IsString()
  @Length(1, 10_000)
  body: string;
}

export class ChatTypingDto {
  @IsBoolean()
  typing: boolean;
}
