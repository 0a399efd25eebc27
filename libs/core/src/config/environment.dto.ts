import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The environment variables Switchboard reads; validated at boot (see README, "Configuration"). */
export class EnvironmentDto {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^(postgres(ql)?:\/\/[^\s]+|sqlite:[^\s]+)$/i, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database or sqlite:/path/to/file.sqlite',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  SWITCHBOARD_DATA_DIR?: string;

  /** `local` (default) or `s3://bucket[/prefix]?endpoint=...&region=...&forcePathStyle=true` (parsed in storage-url.ts). */
  @IsOptional()
  @IsString()
  SWITCHBOARD_STORAGE?: string;

  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\/[^\s]+$/i, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  SWITCHBOARD_PLUGINS?: string;

  @IsOptional()
  @IsString()
  SWITCHBOARD_CONFIG?: string;

  @IsOptional()
  @IsEmail({}, { message: 'SWITCHBOARD_ADMIN_EMAIL must be an email address' })
  SWITCHBOARD_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'SWITCHBOARD_ADMIN_PASSWORD must be at least 12 characters' })
  SWITCHBOARD_ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SWITCHBOARD_JWT_SECRET must be at least 32 characters' })
  SWITCHBOARD_JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SWITCHBOARD_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)' })
  SWITCHBOARD_SECRET_KEY?: string;

  /** Comma-separated keys still accepted for reading during a rotation. */
  @IsOptional()
  @IsString()
  SWITCHBOARD_SECRET_KEY_PREVIOUS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  SWITCHBOARD_SESSION_TTL?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  SWITCHBOARD_LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SWITCHBOARD_VIEW_COUNT_LIMIT?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SWITCHBOARD_COOKIE_SECURE?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SWITCHBOARD_DEMO?: boolean;

  @IsOptional()
  @IsString()
  SWITCHBOARD_PUBLIC_URL?: string;

  /** Extra origins (comma-separated, e.g. `https://helpdesk.example.com`) allowed to send cookie-authenticated writes. */
  @IsOptional()
  @IsString()
  @Matches(/^\s*https?:\/\/[^\s,/]+\/?\s*(,\s*https?:\/\/[^\s,/]+\/?\s*)*$/i, {
    message: 'SWITCHBOARD_ALLOWED_ORIGINS must be a comma-separated list of origins such as https://help.example.com',
  })
  SWITCHBOARD_ALLOWED_ORIGINS?: string;

  /**
   * Which proxies' X-Forwarded-For / -Proto / -Host to believe (express `trust proxy`): `false` (default),
   * `true`, a hop count, or a comma-separated list of addresses, CIDRs or `loopback`/`linklocal`/`uniquelocal`.
   */
  @IsOptional()
  @IsString()
  @Matches(
    /^\s*(true|false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?))*)\s*$/i,
    {
      message:
        'SWITCHBOARD_TRUST_PROXY must be true, false, a hop count, or a comma-separated list of addresses/CIDRs (loopback, linklocal, uniquelocal allowed)',
    },
  )
  SWITCHBOARD_TRUST_PROXY?: string;

  /** Sender of outbound mail, e.g. `Helpdesk <support@example.com>`; its domain also names Message-IDs. */
  @IsOptional()
  @IsString()
  SWITCHBOARD_MAIL_FROM?: string;

  /** Wildcard domain for customer portals: `<subdomain>.<this>` serves the portal page. */
  @IsOptional()
  @IsString()
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
    message: 'SWITCHBOARD_PORTAL_BASE_DOMAIN must be a domain name such as help.example.com',
  })
  SWITCHBOARD_PORTAL_BASE_DOMAIN?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  SWITCHBOARD_SWEEP_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120000)
  SWITCHBOARD_SHUTDOWN_GRACE_MS?: number;
}
