import { LANGUAGES, type Language } from '@switchboard/core';
import {
  IsBoolean,
  IsIn,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';

/** Payloads of the helpdesk agent's socket events on /device (validated like HTTP bodies). */
export class DeviceChatRefDto {
  @IsUUID()
  conversationId: string;
}

export class DeviceChatJoinDto {
  @IsUUID()
  conversationId: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DB_INTEGER, { message: 'afterSeq must be at most 2147483647' })
  afterSeq?: number;
}

export class DeviceChatSendDto {
  @IsUUID()
  conversationId: string;

  @IsString()
  @Length(1, 64)
  clientId: string;

  /** Checked against the channel's limit (1,000) by the conversation core. */
  @IsString()
  @Length(1, 10_000)
  body: string;
}

export class DeviceChatTypingDto {
  @IsUUID()
  conversationId: string;

  @IsBoolean()
  typing: boolean;
}

export class DeviceTicketDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  description: string;
}

export class IdentityStartDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @IsEmail()
  @MaxLength(320)
  email: string;

  /** The agent's language (system locale or its override): the code mail and later mails use it. */
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class IdentityConfirmDto {
  @IsString()
  @Length(1, 20)
  code: string;
}
