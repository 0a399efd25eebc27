import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_MAX_LIMIT = 20;

/** `GET /api/search?q=&limit=`: the text (trimmed, 1 to 200 characters) and how many hits per type. */
export class SearchQueryDto {
  @ApiProperty({ minLength: 1, maxLength: SEARCH_MAX_LENGTH, description: 'Words or a fragment (number, email…)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(SEARCH_MAX_LENGTH)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: 5, description: 'Hits per type' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_LIMIT)
  limit?: number;
}
