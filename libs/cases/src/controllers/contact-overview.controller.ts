import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, type AccountPrincipal } from '@switchboard/core';
import { ContactOverviewDto } from '../dto/contact-overview-view.dto.js';
import { ContactOverviewService } from '../services/contact-overview.service.js';

/** The ticket page's requester sidebar (any technician serving the contact's company). */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/contacts/:id/overview')
export class ContactOverviewController {
  constructor(private readonly overviews: ContactOverviewService) {}

  @Get()
  @ApiOkResponse({ type: ContactOverviewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<ContactOverviewDto> {
    return this.overviews.overview(id, me);
  }
}
