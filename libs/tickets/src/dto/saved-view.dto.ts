import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TicketListQueryDto } from './ticket.dto.js';

/**
 * The filters a view saves: exactly the list's query parameters (same keys, same rules, so a saved
 * view always replays as a valid list query), minus paging. Unknown keys are refused (400).
 */
export class SavedViewFiltersDto extends OmitType(TicketListQueryDto, ['limit', 'cursor'] as const) {}

const NAME_RULE = { message: 'name must contain a visible character' };

export class CreateSavedViewDto {
  @ApiProperty({ example: 'Critical printers', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, NAME_RULE)
  name: string;

  @ApiProperty({ type: SavedViewFiltersDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SavedViewFiltersDto)
  filters: SavedViewFiltersDto;
}

export class UpdateSavedViewDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, NAME_RULE)
  name?: string;

  @ApiPropertyOptional({ type: SavedViewFiltersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SavedViewFiltersDto)
  filters?: SavedViewFiltersDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}
