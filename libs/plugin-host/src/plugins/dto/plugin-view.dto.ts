import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PluginStatus } from '../plugin-installation.entity.js';
import type { PluginView } from '../plugin.views.js';

class SettingFieldOptionDto {
  @ApiProperty() value: string;
  @ApiProperty() label: string;
}

export class SettingFieldDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'select', 'secret'] }) type:
    'string' | 'number' | 'boolean' | 'select' | 'secret';
  @ApiProperty() label: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) default?:
    string | number | boolean;
  @ApiPropertyOptional({ type: [SettingFieldOptionDto] }) options?: SettingFieldOptionDto[];
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional({ description: 'Regular expression the whole value must match' }) pattern?: string;
}

class ChannelInfoDto {
  @ApiProperty() type: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { attachments: true, maxLength: 4096, typing: false },
  })
  capabilities: Record<string, unknown>;
  @ApiProperty({ type: [SettingFieldDto] }) instanceConfig: SettingFieldDto[];
}

/** OpenAPI shape of PluginView. */
export class PluginViewDto implements PluginView {
  @ApiProperty({ example: 'channel-email' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ example: '1.0.0' }) version: string;
  @ApiProperty({ example: '^1.0.0' }) apiVersion: string;
  @ApiProperty({ enum: ['channel', 'feature'] }) kind: 'channel' | 'feature';
  @ApiProperty({ description: "The admin's intent; `status` says whether it actually runs" }) enabled: boolean;
  @ApiProperty({ enum: ['enabled', 'disabled', 'incompatible', 'invalid_settings', 'crashed'] }) status: PluginStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: [String], description: 'Requested by the manifest' }) permissions: string[];
  @ApiProperty({ type: [String] }) grantedPermissions: string[];
  @ApiProperty({ type: [SettingFieldDto] }) settingsSchema: SettingFieldDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Secrets are shown as "********"' })
  settings: Record<string, string | number | boolean>;
  @ApiProperty({ type: ChannelInfoDto, nullable: true }) channel: ChannelInfoDto | null;
  @ApiProperty() updatedAt: string;
}
