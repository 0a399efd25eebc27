import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';

export class StartAgentChatDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The device to chat with ("Chat" on the device page)' })
  @IsOptional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({
    example: 42,
    description: "Start from a ticket (Actions → Start chat): its requester's device",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DB_INTEGER, { message: 'ticketNumber must be at most 2147483647' })
  ticketNumber?: number;
}

export class ChatMessagesQueryDto {
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DB_INTEGER, { message: 'afterSeq must be at most 2147483647' })
  afterSeq?: number;
}

export class ChatFileUploadDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary' })
  file?: unknown;

  @ApiPropertyOptional({ description: 'Idempotency key of the file message' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  clientId?: string;
}
