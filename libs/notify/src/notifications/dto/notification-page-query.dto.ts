import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PageLimitQueryDto } from '@switchboard/core';

/** Notifications page by (unread, id): the cursor says which part of the list it came from. */
export class NotificationPageQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[ur]:[0-9a-f-]{36}$/i, { message: 'cursor must be a nextCursor value' })
  cursor?: string;
}
