import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount, Roles } from '@switchboard/core';
import { EmailTemplateLanguageQuery, UpdateEmailTemplateDto } from './dto/email-template.dto.js';
import { EmailTemplateService } from './email-template.service.js';

/** Admins edit the mails the helpdesk sends (ticket events, refusals, identity code, portal sign-in), per language. */
@ApiTags('email')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/email-templates')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplateService) {}

  @Get()
  list(@Query() q: EmailTemplateLanguageQuery) {
    return this.templates.list(q.language);
  }

  @Get(':event')
  get(@Param('event') event: string, @Query() q: EmailTemplateLanguageQuery) {
    return this.templates.get(event, q.language);
  }

  @Put(':event')
  @ApiOperation({ summary: 'Replace the template of an event (400 naming unknown placeholders)' })
  update(
    @Param('event') event: string,
    @Query() q: EmailTemplateLanguageQuery,
    @Body() body: UpdateEmailTemplateDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.templates.update(event, body, me, q.language);
  }

  @Delete(':event')
  @ApiOperation({ summary: 'Back to the built-in default' })
  reset(@Param('event') event: string, @Query() q: EmailTemplateLanguageQuery) {
    return this.templates.reset(event, q.language);
  }
}
