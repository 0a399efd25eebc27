import { Body, Controller, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Public } from '../access/public.decorator.js';
import { Roles } from '../access/roles.decorator.js';
import { DeviceEnrolmentService } from './device-enrolment.service.js';
import { RedeemEnrolmentDto } from './dto/device-enrolment.dto.js';
import { EnrolmentCodeDto } from './dto/device-view.dto.js';

@ApiTags('devices')
@Controller('api')
export class DeviceEnrolmentController {
  constructor(private readonly enrolment: DeviceEnrolmentService) {}

  /** Admin: a one-time code (24 h) for `switchboard-agent enroll <server> <code>`; replaces earlier unused codes. */
  @Post('devices/:id/enrolment-code')
  @ApiBearerAuth()
  @Roles('admin')
  @ApiCreatedResponse({ type: EnrolmentCodeDto })
  create(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<EnrolmentCodeDto> {
    return this.enrolment.create(id, me.id);
  }

  /** The helpdesk agent: code → device token (shown once). Rate limited like logins. */
  @Post('device-enrolment')
  @Public()
  @UseGuards(ThrottlerGuard)
  redeem(@Body() dto: RedeemEnrolmentDto) {
    return this.enrolment.redeem(dto.code);
  }
}
