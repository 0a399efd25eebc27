import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@switchboard/core';
import { VisitorSubmissionDto } from '../dto/visitor.dto.js';
import { deviceInfoFrom } from '../services/device-info.js';
import { PortalVisitorService } from '../services/portal-visitor.service.js';
import { PortalService } from '../services/portal.service.js';
import { portalLanguage } from '../sign-in/portal-sign-in.mail.js';
import { PublicPortalViewDto, VisitorCaseCreatedDto } from '../dto/public-portal-view.dto.js';

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
  @ApiOkResponse({ type: PublicPortalViewDto })
  view(@Param('subdomain') subdomain: string, @Headers('accept-language') lang?: string): Promise<PublicPortalViewDto> {
    return this.portals.publicView(subdomain, portalLanguage(null, lang));
  }

  @Post('chats')
  @ApiCreatedResponse({ type: VisitorCaseCreatedDto })
  startChat(
    @Param('subdomain') subdomain: string,
    @Body() dto: VisitorSubmissionDto,
    @Headers('user-agent') ua?: string,
    @Headers('accept-language') lang?: string,
  ): Promise<VisitorCaseCreatedDto> {
    return this.visitors.submit(subdomain, dto, deviceInfoFrom(ua, lang, dto.language), 'live_chat');
  }

  @Post('requests')
  @ApiCreatedResponse({ type: VisitorCaseCreatedDto })
  request(
    @Param('subdomain') subdomain: string,
    @Body() dto: VisitorSubmissionDto,
    @Headers('user-agent') ua?: string,
    @Headers('accept-language') lang?: string,
  ): Promise<VisitorCaseCreatedDto> {
    return this.visitors.submit(subdomain, dto, deviceInfoFrom(ua, lang, dto.language), 'support_request');
  }
}
