import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class UpdatePluginSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Values for the plugin\'s settings schema. A secret sent as "********" keeps its stored value.',
    example: { apiKey: 'sk-123', maxItems: 10 },
  })
  @IsObject()
  settings: Record<string, unknown>;
}
