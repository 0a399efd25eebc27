import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/roles.decorator.js';
import { AccountService } from './account.service.js';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto.js';
import { PageQueryDto } from '../database/page-query.dto.js';
import { Unmasked } from '../access/unmasked.decorator.js';
import { AccountPageDto, AccountViewDto } from './dto/account-view.dto.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  @ApiOkResponse({ type: AccountPageDto })
  list(@Query() query: PageQueryDto): Promise<AccountPageDto> {
    return this.accounts.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AccountViewDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AccountViewDto> {
    return this.accounts.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: AccountViewDto })
  create(@Body() dto: CreateAccountDto): Promise<AccountViewDto> {
    return this.accounts.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AccountViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAccountDto): Promise<AccountViewDto> {
    return this.accounts.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.remove(id);
  }
}
