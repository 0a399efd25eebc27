import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const trimString = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * An optional French label an admin types next to the default one (#16): null or empty removes it;
 * trimmed first, so the length limit applies to what is stored.
 */
export function OptionalFrenchLabel(max: number, description = 'French label shown to French readers') {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, description: `${description}; null or empty removes it` }),
    IsOptional(),
    Transform(trimString),
    IsString(),
    MaxLength(max),
  );
}
