import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Roles } from '../access/roles.decorator.js';
import { CompanyService } from './company.service.js';
import { CreateCompanyDto, UpdateCompanyDto } from './dto/company.dto.js';
import { PageQueryDto } from '../database/page-query.dto.js';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('api/companies')
export class CompaniesController {
  constructor(private readonly companies: CompanyService) {}

  @Get()
  list(@Query() query: PageQueryDto, @CurrentAccount() me: AccountPrincipal) {
    return this.companies.list(query, me);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.companies.get(id, me);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateCompanyDto) {
    return this.companies.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCompanyDto) {
    return this.companies.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.companies.remove(id);
  }
}
