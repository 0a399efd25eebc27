import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import { ProductFamilyDto } from '../dto/admin-lists.dto.js';
import { ProductFamilyViewDto } from '../dto/product-family-view.dto.js';
import { ProductFamilyService } from '../services/product-family.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/product-families')
export class ProductFamiliesController {
  constructor(private readonly families: ProductFamilyService) {}

  @Get()
  @ApiOkResponse({ type: [ProductFamilyViewDto] })
  list(): Promise<ProductFamilyViewDto[]> {
    return this.families.list();
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ProductFamilyViewDto })
  create(@Body() dto: ProductFamilyDto): Promise<ProductFamilyViewDto> {
    return this.families.create(dto.name);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: ProductFamilyViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ProductFamilyDto): Promise<ProductFamilyViewDto> {
    return this.families.rename(id, dto.name);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.families.remove(id);
  }
}
