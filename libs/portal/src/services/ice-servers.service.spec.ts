import { createHmac } from 'node:crypto';
import { AppConfig, ConfigError, FakeClock } from '@switchboard/core';
import { IceServersService } from './ice-servers.service.js';

function service(env: Record<string, string>): IceServersService {
  const config = new AppConfig();
  config.environment = env;
  return new IceServersService(config, new FakeClock(new Date('2026-01-01T00:00:00Z')));
}

describe('IceServersService', () => {
  it('has no servers by default', () => {
    expect(service({}).forSession('s1')).toEqual([]);
  });

  it('refuses invalid JSON or URLs at boot', () => {
    expect(() => service({ SWITCHBOARD_ICE_SERVERS: '[{' })).toThrow(ConfigError);
    expect(() => service({ SWITCHBOARD_ICE_SERVERS: '[{"urls":"http://x"}]' })).toThrow(ConfigError);
  });

  it('generates TURN REST API credentials for turn: entries without a username', () => {
    const s = service({
      SWITCHBOARD_ICE_SERVERS: '[{"urls":"stun:stun.example.com"},{"urls":["turn:turn.example.com:3478"]}]',
      SWITCHBOARD_TURN_SECRET: 'shh',
    });
    const [stun, turn] = s.forSession('s1');
    expect(stun).toEqual({ urls: 'stun:stun.example.com' });
    const expiry = Date.parse('2026-01-01T00:00:00Z') / 1000 + 3600;
    expect(turn.username).toBe(`${expiry}:s1`);
    expect(turn.credential).toBe(createHmac('sha1', 'shh').update(`${expiry}:s1`).digest('base64'));
  });
});
