import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  Max,
  Min,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const COLOR = /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/;

export class PortalColorsDto {
  @ApiPropertyOptional({ example: '#0b5fff' })
  @IsOptional()
  @Matches(COLOR, { message: 'must be a hex colour like #0b5fff' })
  primary?: string;
  @ApiPropertyOptional({ example: '#ffffff' })
  @IsOptional()
  @Matches(COLOR, { message: 'must be a hex colour like #ffffff' })
  background?: string;
  @ApiPropertyOptional({ example: '#1a1a1a' })
  @IsOptional()
  @Matches(COLOR, { message: 'must be a hex colour like #1a1a1a' })
  text?: string;
}

/** The embed widget's invitation rules (#14 proactive chat). */
export class PortalProactiveDto {
  @ApiProperty({ minimum: 0, maximum: 3600, description: 'Seconds on the page before the invitation shows' })
  @IsInt()
  @Min(0)
  @Max(3600)
  delaySeconds: number;

  @ApiProperty({
    type: [String],
    description: 'Invite only on pages whose address contains one of these (all pages when empty)',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  urlContains: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Invitation text (default: "Need help? Chat with us.")',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  message?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Invitation text for French visitors' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  messageFr?: string | null;
}

export class CreatePortalDto {
  @ApiProperty({ format: 'uuid', description: 'At most one portal per company' })
  @IsUUID()
  companyId: string;

  /** Checked as a DNS label by the service (clear field errors, reserved words). */
  @ApiProperty({ example: 'acme', description: 'DNS label, unique across the installation' })
  @IsString()
  @MaxLength(100)
  subdomain: string;

  @ApiProperty({ enum: ['active', 'inactive'] })
  @IsIn(['active', 'inactive'])
  status: 'active' | 'inactive';

  @ApiPropertyOptional({ description: 'Display name (default: the company name)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: PortalColorsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortalColorsDto)
  colors?: PortalColorsDto;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://acme.example/logo.png' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  logoUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  welcomeText?: string | null;

  @ApiPropertyOptional({ description: 'Technicians may ask visitors to share their screen' })
  @IsOptional()
  @IsBoolean()
  screenSharing?: boolean;
  @ApiPropertyOptional({
    type: PortalProactiveDto,
    nullable: true,
    description: 'Proactive chat invitation; null: off',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortalProactiveDto)
  proactive?: PortalProactiveDto | null;

  @ApiPropertyOptional({
    enum: ['pool', 'queue'],
    default: 'pool',
    description: 'pool: Unassigned cases; queue: offers',
  })
  @IsOptional()
  @IsIn(['pool', 'queue'])
  routing?: 'pool' | 'queue';

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Required when routing is queue' })
  @IsOptional()
  @IsUUID()
  queueId?: string | null;

  /** The live chat plugin's per-portal settings. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The live chat plugin's per-portal settings",
  })
  @IsOptional()
  @IsObject()
  channelConfig?: Record<string, unknown>;
}

/** Everything but the company can change. */
export class UpdatePortalDto extends PartialType(OmitType(CreatePortalDto, ['companyId'] as const)) {}

export class PortalListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
