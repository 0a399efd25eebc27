import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const COLOR = /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/;

export class PortalColorsDto {
  @IsOptional() @Matches(COLOR, { message: 'must be a hex colour like #0b5fff' }) primary?: string;
  @IsOptional() @Matches(COLOR, { message: 'must be a hex colour like #ffffff' }) background?: string;
  @IsOptional() @Matches(COLOR, { message: 'must be a hex colour like #1a1a1a' }) text?: string;
}

export class UpdatePortalDto {
  /** Checked as a DNS label by the service (clear field errors, reserved words). */
  @IsOptional() @IsString() @MaxLength(100)
  subdomain?: string;

  @IsOptional() @IsIn(['active', 'inactive'])
  status?: 'active' | 'inactive';

  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @IsOptional() @ValidateNested() @Type(() => PortalColorsDto)
  colors?: PortalColorsDto;

  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }) @MaxLength(2000)
  logoUrl?: string | null;

  @IsOptional() @IsString() @MaxLength(2000)
  welcomeText?: string | null;

  /** The live chat plugin's per-portal settings. */
  @IsOptional() @IsObject()
  channelConfig?: Record<string, unknown>;
}

export class CreatePortalDto {
  @IsUUID()
  companyId: string;

  @IsString() @MaxLength(100)
  subdomain: string;

  @IsIn(['active', 'inactive'])
  status: 'active' | 'inactive';

  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @IsOptional() @ValidateNested() @Type(() => PortalColorsDto)
  colors?: PortalColorsDto;

  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }) @MaxLength(2000)
  logoUrl?: string | null;

  @IsOptional() @IsString() @MaxLength(2000)
  welcomeText?: string | null;

  @IsOptional() @IsObject()
  channelConfig?: Record<string, unknown>;
}

export class PortalListQueryDto {
  @IsOptional() @IsUUID()
  companyId?: string;
}
