import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount, Roles } from '@switchboard/core';
import { UpdateEmailTemplateDto } from './dto/email-template.dto.js';
import { EmailTemplateService } from './email-template.service.js';

/** Admins edit the mails sent on ticket events (acknowledgement, public reply, status change, rejected sender). */
@ApiTags('email')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/email-templates')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplateService) {}

  @Get()
  list() {
    return this.templates.list();
  }

  @Get(':event')
  get(@Param('event') event: string) {
    return this.templates.get(event);
  }

  @Put(':event')
  @ApiOperation({ summary: 'Replace the template of an event (400 naming unknown placeholders)' })
  update(@Param('event') event: string, @Body() body: UpdateEmailTemplateDto, @CurrentAccount() me: AccountPrincipal) {
    return this.templates.update(event, body, me);
  }

  @Delete(':event')
  @ApiOperation({ summary: 'Back to the built-in default' })
  reset(@Param('event') event: string) {
    return this.templates.reset(event);
  }
}
