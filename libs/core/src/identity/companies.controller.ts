import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Roles } from '../access/roles.decorator.js';
import { CompanyService } from './company.service.js';
import { CreateCompanyDto, UpdateCompanyDto } from './dto/company.dto.js';
import { PageQueryDto } from '../database/page-query.dto.js';
import { CompanyPageDto, CompanyViewDto } from './dto/company-view.dto.js';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('api/companies')
export class CompaniesController {
  constructor(private readonly companies: CompanyService) {}

  @Get()
  @ApiOkResponse({ type: CompanyPageDto })
  list(@Query() query: PageQueryDto, @CurrentAccount() me: AccountPrincipal): Promise<CompanyPageDto> {
    return this.companies.list(query, me);
  }

  @Get(':id')
  @ApiOkResponse({ type: CompanyViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<CompanyViewDto> {
    return this.companies.get(id, me);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CompanyViewDto })
  create(@Body() dto: CreateCompanyDto): Promise<CompanyViewDto> {
    return this.companies.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CompanyViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCompanyDto): Promise<CompanyViewDto> {
    return this.companies.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.companies.remove(id);
  }
}
