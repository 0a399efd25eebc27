import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsUUID } from 'class-validator';

export class SettingScopeQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Company scope; omitted for the global default' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}

export class UpdateSettingDto {
  @ApiProperty({
    description: 'The new value; its type depends on the setting',
    example: true,
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  @IsDefined({ message: 'value is required' })
  value: unknown;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
