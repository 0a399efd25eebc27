import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isPostgresUrl } from './database-url.js';
import { EnvironmentDto } from './environment.dto.js';
import { parseStorageUrl, type StorageSetting } from './storage-url.js';

export interface PluginReference {
  /** A package name, or a path such as `plugins/channel-email` (relative to the working directory). */
  name: string;
  /** Enable at first start, granting the permissions the plugin requests. */
  enable: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Validated, typed configuration. Built once at boot from the environment (and the config file). */
export class AppConfig {
  port = 3000;
  driver: 'sqlite' | 'postgres' = 'sqlite';
  databaseUrl: string | undefined;
  sqlitePath = '';
  dataDir = './data';
  /** SWITCHBOARD_STORAGE: file contents in the data folder (default) or an S3-protocol bucket. */
  storage: StorageSetting = { kind: 'local' };
  redisUrl: string | undefined;
  plugins: PluginReference[] = [];
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  jwtSecret: string | undefined;
  /** Seals secrets at rest (SWITCHBOARD_SECRET_KEY); unset: a key generated into the data folder. */
  secretKey: string | undefined;
  /** Keys still accepted for reading during a rotation (SWITCHBOARD_SECRET_KEY_PREVIOUS, comma-separated). */
  previousSecretKeys: string[] = [];
  sessionTtlSeconds = 12 * 3600;
  loginRateLimit = 10;
  /** Saved-view counts stop at this many tickets ("1000+"): a count never reads more rows than this. */
  viewCountLimit = 1000;
  cookieSecure = false;
  demo = false;
  publicUrl: string | undefined;
  /** Origins (besides the public URL's and the request's own host) whose pages may send cookie-authenticated writes. */
  allowedOrigins: string[] = [];
  /** Express `trust proxy`: false unless SWITCHBOARD_TRUST_PROXY says which proxies set X-Forwarded-*. */
  trustProxy: boolean | number | string = false;
  mailFrom = 'Switchboard <helpdesk@switchboard.local>';
  portalBaseDomain: string | null = null;
  logLevel = 'info';
  sweepIntervalMs = 1000;
  shutdownGraceMs = 10000;
  instanceId = `${hostname()}:${process.pid}`;
  /** Tests run schedulers by hand with a fake clock. */
  runSchedulers = true;
  /** Built web UI; served at `/` when the folder exists. */
  webDir: string | undefined;
  /** The environment the config was read from: plugin settings may take first-start defaults from it (SDK `env`). */
  environment: Readonly<Record<string, string | undefined>> = {};

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
    const dto = plainToInstance(EnvironmentDto, { ...env }, { excludeExtraneousValues: false });
    const problems = validateSync(dto, { forbidUnknownValues: false }).flatMap((e) =>
      Object.values(e.constraints ?? {}),
    );
    const config = new AppConfig();
    const file = AppConfig.readConfigFile(env.SWITCHBOARD_CONFIG, cwd, problems);
    const storage = parseStorageUrl(dto.SWITCHBOARD_STORAGE, env);
    problems.push(...storage.problems);
    if (problems.length) throw new ConfigError(problems);

    config.environment = Object.freeze({ ...env });
    config.port = dto.PORT ?? 3000;
    config.dataDir = resolve(cwd, dto.SWITCHBOARD_DATA_DIR ?? './data');
    config.storage = storage.setting;
    config.databaseUrl = dto.DATABASE_URL;
    if (isPostgresUrl(dto.DATABASE_URL)) {
      config.driver = 'postgres';
    } else {
      config.driver = 'sqlite';
      const path = dto.DATABASE_URL?.replace(/^sqlite:/i, '');
      config.sqlitePath = path ? resolve(cwd, path) : join(config.dataDir, 'switchboard.sqlite');
    }
    config.redisUrl = dto.REDIS_URL;
    config.plugins =
      dto.SWITCHBOARD_PLUGINS !== undefined ? AppConfig.parsePluginList(dto.SWITCHBOARD_PLUGINS) : file.plugins;
    config.adminEmail = dto.SWITCHBOARD_ADMIN_EMAIL?.toLowerCase();
    config.adminPassword = dto.SWITCHBOARD_ADMIN_PASSWORD;
    if (!!config.adminEmail !== !!config.adminPassword) {
      throw new ConfigError(['SWITCHBOARD_ADMIN_EMAIL and SWITCHBOARD_ADMIN_PASSWORD must be set together']);
    }
    config.jwtSecret = dto.SWITCHBOARD_JWT_SECRET;
    config.secretKey = dto.SWITCHBOARD_SECRET_KEY?.trim() || undefined;
    config.previousSecretKeys = (dto.SWITCHBOARD_SECRET_KEY_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (config.previousSecretKeys.some((k) => k.length < 32))
      throw new ConfigError(['every key in SWITCHBOARD_SECRET_KEY_PREVIOUS must be at least 32 characters']);
    config.sessionTtlSeconds = dto.SWITCHBOARD_SESSION_TTL ?? config.sessionTtlSeconds;
    config.loginRateLimit = dto.SWITCHBOARD_LOGIN_RATE_LIMIT ?? config.loginRateLimit;
    config.viewCountLimit = dto.SWITCHBOARD_VIEW_COUNT_LIMIT ?? config.viewCountLimit;
    config.cookieSecure = dto.SWITCHBOARD_COOKIE_SECURE ?? false;
    config.demo = dto.SWITCHBOARD_DEMO ?? false;
    config.publicUrl = dto.SWITCHBOARD_PUBLIC_URL;
    config.allowedOrigins = (dto.SWITCHBOARD_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, '').toLowerCase())
      .filter(Boolean);
    config.trustProxy = AppConfig.parseTrustProxy(dto.SWITCHBOARD_TRUST_PROXY);
    config.mailFrom = dto.SWITCHBOARD_MAIL_FROM ?? config.mailFrom;
    config.portalBaseDomain = dto.SWITCHBOARD_PORTAL_BASE_DOMAIN?.trim().toLowerCase() || null;
    config.logLevel = dto.LOG_LEVEL ?? 'info';
    config.sweepIntervalMs = dto.SWITCHBOARD_SWEEP_INTERVAL_MS ?? 1000;
    config.shutdownGraceMs = dto.SWITCHBOARD_SHUTDOWN_GRACE_MS ?? 10000;
    return config;
  }

  /** `true`/`false`, a hop count, or a list of addresses/CIDRs, as express's `trust proxy` takes them. */
  static parseTrustProxy(value: string | undefined): boolean | number | string {
    const v = value?.trim().toLowerCase();
    if (!v || v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(', ');
  }

  /** `a,b:enabled` — every listed plugin is loaded; `:enabled` also enables it at first start. */
  static parsePluginList(value: string): PluginReference[] {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const enable = /:enabled$/i.test(entry);
        return { name: enable ? entry.replace(/:enabled$/i, '') : entry, enable };
      });
  }

  private static readConfigFile(
    path: string | undefined,
    cwd: string,
    problems: string[],
  ): { plugins: PluginReference[] } {
    const file = path ? (isAbsolute(path) ? path : resolve(cwd, path)) : resolve(cwd, 'switchboard.config.json');
    if (!existsSync(file)) {
      if (path) problems.push(`SWITCHBOARD_CONFIG points at ${file}, which does not exist`);
      return { plugins: [] };
    }
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { plugins?: unknown };
      const list = Array.isArray(parsed.plugins) ? parsed.plugins : [];
      const plugins: PluginReference[] = [];
      for (const item of list) {
        if (typeof item === 'string') plugins.push({ name: item, enable: false });
        else if (item && typeof item === 'object' && typeof (item as PluginReference).name === 'string') {
          plugins.push({ name: (item as PluginReference).name, enable: (item as PluginReference).enable === true });
        } else
          problems.push(`${file}: every entry of "plugins" must be a string or { "name": string, "enable"?: boolean }`);
      }
      return { plugins };
    } catch (error) {
      problems.push(`${file} is not valid JSON: ${(error as Error).message}`);
      return { plugins: [] };
    }
  }
}
