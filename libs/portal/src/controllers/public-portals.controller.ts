import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@switchboard/core';
import { VisitorSubmissionDto } from '../dto/visitor.dto.js';
import { deviceInfoFrom } from '../services/device-info.js';
import { PortalVisitorService } from '../services/portal-visitor.service.js';
import { PortalService } from '../services/portal.service.js';

/** What anyone on the Internet may call: the portal's view and the two submission forms. */
@ApiTags('public portal')
@Public()
@Controller('api/public/portals/:subdomain')
export class PublicPortalsController {
  constructor(
    private readonly portals: PortalService,
    private readonly visitors: PortalVisitorService,
  ) {}

  @Get()
  view(@Param('subdomain') subdomain: string) {
    return this.portals.publicView(subdomain);
  }

  @Post('chats')
  startChat(
    @Param('subdomain') subdomain: string,
    @Body() dto: VisitorSubmissionDto,
    @Headers('user-agent') ua?: string,
    @Headers('accept-language') lang?: string,
  ) {
    return this.visitors.submit(subdomain, dto, deviceInfoFrom(ua, lang, dto.language), 'live_chat');
  }

  @Post('requests')
  request(
    @Param('subdomain') subdomain: string,
    @Body() dto: VisitorSubmissionDto,
    @Headers('user-agent') ua?: string,
    @Headers('accept-language') lang?: string,
  ) {
    return this.visitors.submit(subdomain, dto, deviceInfoFrom(ua, lang, dto.language), 'support_request');
  }
}
