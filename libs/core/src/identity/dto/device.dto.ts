import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CreateDeviceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ example: 'LAPTOP-MELISSA' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Windows 11' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  os?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  helpdeskAgentEnabled?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  contactId?: string | null;
}

export class UpdateDeviceDto extends PartialType(OmitType(CreateDeviceDto, ['companyId'] as const)) {}
