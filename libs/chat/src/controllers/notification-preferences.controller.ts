import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import { NotificationPreferencesDto } from '../dto/notification-preferences.dto.js';
import { NotificationPreferencesService } from '../services/notification-preferences.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('api/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  get(@CurrentAccount() me: AccountPrincipal) {
    return this.preferences.get(me.id);
  }

  @Put()
  update(@Body() dto: NotificationPreferencesDto, @CurrentAccount() me: AccountPrincipal) {
    return this.preferences.update(me.id, dto);
  }
}
