import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/roles.decorator.js';
import { AccountService } from './account.service.js';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto.js';
import { PageQueryDto } from '../database/page-query.dto.js';
import { Unmasked } from '../access/unmasked.decorator.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  list(@Query() query: PageQueryDto) {
    return this.accounts.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.get(id);
  }

  @Post()
  create(@Body() dto: CreateAccountDto) {
    return this.accounts.create(dto);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAccountDto) {
    return this.accounts.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.remove(id);
  }
}
