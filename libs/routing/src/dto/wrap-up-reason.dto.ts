import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

// The French label is optional: trimmed here so the length limit applies to what is stored.
const trimString = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateWrapUpReasonDto {
  @ApiProperty({ example: 'Password reset' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'French label shown to French agents; null or empty removes it',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  labelFr?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWrapUpReasonDto extends PartialType(CreateWrapUpReasonDto) {}

export class WrapUpReasonListQueryDto {
  @ApiPropertyOptional({ description: 'true: only the reasons agents may pick' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
