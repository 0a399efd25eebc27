import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import { NotificationService } from './notification.service.js';

export class NotificationPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[ur]:[0-9a-f-]{36}$/i, { message: 'cursor must be a nextCursor value' })
  cursor?: string;
}

/** My notifications: unread first, newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  list(@Query() query: NotificationPageQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.notifications.list(me.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentAccount() me: AccountPrincipal) {
    return this.notifications.markAllRead(me.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.notifications.markRead(me.id, id);
  }
}
