import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';

export class ConversationJoinDto {
  @IsUUID()
  conversationId: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DB_INTEGER, { message: 'afterSeq must be at most 2147483647' })
  afterSeq?: number;
}

export class ConversationRefDto {
  @IsUUID()
  conversationId: string;
}

/** The body's length is checked against the channel's limit by the service (default 1,000). */
export class ConversationSendDto {
  @IsUUID()
  conversationId: string;

  @IsString()
  @Length(1, 64)
  clientId: string;

  @IsString()
  @Length(1, 10_000)
  body: string;
}

export class ConversationTypingDto {
  @IsUUID()
  conversationId: string;

  @IsBoolean()
  typing: boolean;
}
