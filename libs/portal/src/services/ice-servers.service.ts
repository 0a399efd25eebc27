import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IceServerConfig } from '@switchboard/contracts';
import { AppConfig, Clock, ConfigError } from '@switchboard/core';

const DEFAULT_TURN_TTL_SECONDS = 3600;

/**
 * The ICE servers handed to both browsers of a screen session. SWITCHBOARD_ICE_SERVERS is a JSON
 * array of RTCIceServer (none by default: direct connections only). With SWITCHBOARD_TURN_SECRET,
 * every turn:/turns: entry without a username gets time-limited credentials per session, in the
 * TURN REST API scheme coturn checks (`use-auth-secret`): username `<expiry>:<id>`, credential
 * base64(HMAC-SHA1(secret, username)), so no long-lived TURN password reaches a browser.
 */
@Injectable()
export class IceServersService {
  private readonly servers: IceServerConfig[];
  private readonly secret: string | null;
  private readonly ttlSeconds: number;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    const env = config.environment;
    this.servers = IceServersService.parse(env.SWITCHBOARD_ICE_SERVERS);
    this.secret = env.SWITCHBOARD_TURN_SECRET?.trim() || null;
    const ttl = env.SWITCHBOARD_TURN_TTL?.trim();
    this.ttlSeconds = ttl ? Number(ttl) : DEFAULT_TURN_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds < 60 || this.ttlSeconds > 86400)
      throw new ConfigError(['SWITCHBOARD_TURN_TTL must be a whole number of seconds between 60 and 86400']);
  }

  /** Validated at boot: a typo in the JSON stops the start with the reason, not a silent "no TURN". */
  static parse(raw: string | undefined): IceServerConfig[] {
    if (!raw?.trim()) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ConfigError(['SWITCHBOARD_ICE_SERVERS must be JSON: an array of {"urls", "username", "credential"}']);
    }
    const list = Array.isArray(value) ? value : [value];
    return list.map((entry, i) => {
      const e = entry as Record<string, unknown> | null;
      const urls = e?.urls;
      const okUrl = (u: unknown) => typeof u === 'string' && /^(stun|stuns|turn|turns):/i.test(u);
      if (!e || !(okUrl(urls) || (Array.isArray(urls) && urls.length > 0 && urls.every(okUrl))))
        throw new ConfigError([`SWITCHBOARD_ICE_SERVERS[${i}].urls must be stun:, stuns:, turn: or turns: URLs`]);
      for (const key of ['username', 'credential'] as const)
        if (e[key] !== undefined && typeof e[key] !== 'string')
          throw new ConfigError([`SWITCHBOARD_ICE_SERVERS[${i}].${key} must be a string`]);
      return {
        urls: urls as string | string[],
        ...(e.username !== undefined ? { username: e.username as string } : {}),
        ...(e.credential !== undefined ? { credential: e.credential as string } : {}),
      };
    });
  }

  /** The servers for one session (`id`: the session, so a TURN log line names it). */
  forSession(id: string): IceServerConfig[] {
    return this.servers.map((server) => {
      const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
      if (!this.secret || server.username || !urls.some((u) => /^turns?:/i.test(u))) return server;
      const username = `${Math.floor(this.clock.nowMs() / 1000) + this.ttlSeconds}:${id}`;
      return { ...server, ...IceServersService.credentials(this.secret, username) };
    });
  }

  static credentials(secret: string, username: string): { username: string; credential: string } {
    return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
  }
}
