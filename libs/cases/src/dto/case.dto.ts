import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class CaseListQueryDto {
  @IsOptional() @IsIn(['unassigned', 'mine', 'all'])
  view?: 'unassigned' | 'mine' | 'all';

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @IsUUID()
  cursor?: string;
}

export class CaseMessagesQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  afterSeq?: number;
}

export class CaseMessageDto {
  @IsString() @Length(1, 64)
  clientId: string;

  @IsString() @Length(1, 10_000)
  body: string;
}

export class FollowUpDto {
  @IsString() @Length(1, 20_000)
  body: string;
}

export class TranscriptFormatDto {
  @IsOptional() @IsIn(['html', 'text'])
  format?: 'html' | 'text';
}
