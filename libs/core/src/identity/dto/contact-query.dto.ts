import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CompanyFilterQueryDto } from '../../database/company-filter-query.dto.js';

export class ContactQueryDto extends CompanyFilterQueryDto {
  @ApiPropertyOptional({ description: 'Part of the first name, last name or email (case-insensitive)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'search must be at most 100 characters' })
  search?: string;
}
