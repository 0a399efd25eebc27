import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Roles } from '../access/roles.decorator.js';
import { ContactService } from './contact.service.js';
import { CreateContactDto, UpdateContactDto } from './dto/contact.dto.js';
import { CompanyFilterQueryDto } from '../database/page-query.dto.js';

/** Technicians read and maintain contacts of the companies they serve; only admins delete. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactService) {}

  @Get()
  list(@Query() query: CompanyFilterQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.contacts.listPage(query, me);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.contacts.get(id, me);
  }

  @Post()
  create(@Body() dto: CreateContactDto, @CurrentAccount() me: AccountPrincipal) {
    return this.contacts.create(dto, me);
  }

  @Patch(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateContactDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.contacts.update(id, dto, me);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.remove(id);
  }
}
