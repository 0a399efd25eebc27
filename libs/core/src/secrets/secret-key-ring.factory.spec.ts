import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { secretKeyRingFrom } from './secret-key-ring.factory';

describe('secretKeyRingFrom', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sb-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const config = (env: Record<string, string>) => AppConfig.fromEnvironment({ SWITCHBOARD_DATA_DIR: dir, ...env }, dir);

  it('uses SWITCHBOARD_SECRET_KEY and writes nothing', () => {
    const warn = jest.fn();
    const ring = secretKeyRingFrom(config({ SWITCHBOARD_SECRET_KEY: 'k'.repeat(40) }), { warn });
    expect(ring.ids).toHaveLength(1);
    expect(() => statSync(join(dir, 'secret.key'))).toThrow();
    expect(warn).not.toHaveBeenCalled();
  });

  it('generates a 0600 key file once, warning to back it up; a restart reuses it silently', () => {
    const warn = jest.fn();
    const first = secretKeyRingFrom(config({}), { warn });
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/generated a key into .*secret\.key.*back this file up/));
    const again = jest.fn();
    expect(secretKeyRingFrom(config({}), { warn: again }).current.id).toBe(first.current.id);
    expect(again).not.toHaveBeenCalled();
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);
  });

  it('warns that instances behind Redis need SWITCHBOARD_SECRET_KEY when the key is generated', () => {
    const warn = jest.fn();
    secretKeyRingFrom(config({ REDIS_URL: 'redis://127.0.0.1:6379' }), { warn });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Redis is configured.*set SWITCHBOARD_SECRET_KEY on all/));
  });

  it('refuses a previous key shorter than 32 characters at configuration time', () => {
    expect(() => config({ SWITCHBOARD_SECRET_KEY: 'k'.repeat(40), SWITCHBOARD_SECRET_KEY_PREVIOUS: 'short' })).toThrow(
      /SWITCHBOARD_SECRET_KEY_PREVIOUS must be at least 32 characters/,
    );
  });
});
