import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import { NotificationPageQueryDto } from './dto/notification-page-query.dto.js';
import { NotificationService } from './notification.service.js';

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
