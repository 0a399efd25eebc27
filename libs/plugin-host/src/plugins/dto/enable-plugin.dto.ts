import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString } from 'class-validator';

export class EnablePluginDto {
  @ApiProperty({
    type: [String],
    description: 'Must list every permission the plugin requests (and nothing else).',
    example: ['contacts.read', 'kv', 'net:api.example.com'],
  })
  @IsArray()
  @IsString({ each: true })
  grantPermissions: string[];
}
