import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalFrenchLabel } from '@switchboard/core';

export class CreateWrapUpReasonDto {
  @ApiProperty({ example: 'Password reset' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;

  @OptionalFrenchLabel(100, 'French label shown to French agents')
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
