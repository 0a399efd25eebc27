import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateChannelInstanceDto {
  @ApiProperty({ example: 'channel-email', description: 'Id of an enabled-or-loaded channel plugin' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/)
  pluginId!: string;

  @ApiProperty({ example: 'Mail provider webhook' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    description: "Values for the adapter's instanceConfig form (secrets shown as ******** may be sent back unchanged)",
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateChannelInstanceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ChannelInstanceQueryDto {
  @ApiPropertyOptional({ example: 'channel-email' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/)
  pluginId?: string;
}
