import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Roles } from '../access/roles.decorator.js';
import { ContactService } from './contact.service.js';
import { CreateContactDto, UpdateContactDto } from './dto/contact.dto.js';
import { ContactQueryDto } from './dto/contact-query.dto.js';
import { ContactPageDto, ContactViewDto } from './dto/contact-view.dto.js';

/** Technicians read and maintain contacts of the companies they serve; only admins delete. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactService) {}

  @Get()
  @ApiOkResponse({ type: ContactPageDto })
  list(@Query() query: ContactQueryDto, @CurrentAccount() me: AccountPrincipal): Promise<ContactPageDto> {
    return this.contacts.listPage(query, me);
  }

  @Get(':id')
  @ApiOkResponse({ type: ContactViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<ContactViewDto> {
    return this.contacts.get(id, me);
  }

  @Post()
  @ApiCreatedResponse({ type: ContactViewDto })
  create(@Body() dto: CreateContactDto, @CurrentAccount() me: AccountPrincipal): Promise<ContactViewDto> {
    return this.contacts.create(dto, me);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ContactViewDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateContactDto,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<ContactViewDto> {
    return this.contacts.update(id, dto, me);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.remove(id);
  }
}
