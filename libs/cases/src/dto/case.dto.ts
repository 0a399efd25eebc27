import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: ['unassigned', 'mine', 'all'] })
  @IsOptional()
  @IsIn(['unassigned', 'mine', 'all'])
  view?: 'unassigned' | 'mine' | 'all';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export class CaseMessagesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DB_INTEGER, { message: 'afterSeq must be at most 2147483647' })
  afterSeq?: number;
}

export class CaseMessageDto {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  clientId: string;

  @ApiProperty()
  @IsString()
  @Length(1, 10_000)
  body: string;
}

export class FollowUpDto {
  @ApiProperty()
  @IsString()
  @Length(1, 20_000)
  body: string;
}

export class TranscriptFormatDto {
  @ApiPropertyOptional({ enum: ['html', 'text'] })
  @IsOptional()
  @IsIn(['html', 'text'])
  format?: 'html' | 'text';
}
