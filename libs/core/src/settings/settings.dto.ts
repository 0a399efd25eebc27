import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
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

const anyValue = (): ApiPropertyOptions => ({
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
});

// Response shape for the OpenAPI document (the web's generated types); the service returns SettingView.
export class SettingViewDto {
  @ApiProperty({ example: 'chat.enabled' }) key: string;
  @ApiProperty() description: string;
  @ApiProperty({
    enum: ['boolean', 'string', 'number', 'enum', 'list', 'company'],
    description: 'list: distinct values among options; company: a company id, empty for none',
  })
  type: 'boolean' | 'string' | 'number' | 'enum' | 'list' | 'company';
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiPropertyOptional({ description: 'number: smallest value accepted' }) min?: number;
  @ApiPropertyOptional({ description: 'number: largest value accepted' }) max?: number;
  @ApiPropertyOptional({ description: 'number: whole numbers only' }) integer?: boolean;
  @ApiProperty({ enum: ['global', 'company'], isArray: true }) scopes: ('global' | 'company')[];
  @ApiProperty(anyValue()) default: unknown;
  @ApiProperty(anyValue()) value: unknown;
  @ApiProperty({ enum: ['default', 'global', 'company'], description: 'Where the value comes from' })
  source: 'default' | 'global' | 'company';
}
