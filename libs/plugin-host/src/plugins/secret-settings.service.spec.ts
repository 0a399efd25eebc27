import type { SettingField } from '@switchboard/plugin-sdk';
import { SecretBox, SecretKeyRing } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { SecretSettings } from './secret-settings.service';

const SCHEMA: SettingField[] = [
  { key: 'relayUrl', type: 'secret', label: 'Relay' },
  { key: 'port', type: 'number', label: 'Port' },
];
const settings = (key = 'unit-test-secret-key-0123456789abcdef') =>
  newTestService(SecretSettings, { types: [[SecretBox, new SecretBox(new SecretKeyRing(key))]] }).sut;

describe('SecretSettings', () => {
  it('seals only the fields of type secret, and opens them again', () => {
    const s = settings();
    const sealed = s.seal(SCHEMA, { relayUrl: 'smtp://u:p@h', port: 25 });
    expect(sealed.port).toBe(25);
    expect(String(sealed.relayUrl)).toMatch(/^enc:v1:/);
    expect(s.open(SCHEMA, sealed, 'plugin x setting')).toEqual({ relayUrl: 'smtp://u:p@h', port: 25 });
    expect(s.needsReseal(SCHEMA, sealed)).toBe(false);
  });

  it('leaves empty secrets alone and flags plaintext ones for sealing', () => {
    const s = settings();
    expect(s.seal(SCHEMA, { relayUrl: '' })).toEqual({ relayUrl: '' });
    expect(s.needsReseal(SCHEMA, { relayUrl: '' })).toBe(false);
    expect(s.needsReseal(SCHEMA, { relayUrl: 'smtp://plain' })).toBe(true);
  });

  it('names the setting when the key does not open it', () => {
    const sealed = settings().seal(SCHEMA, { relayUrl: 'smtp://u:p@h' });
    expect(() => settings('another-secret-key-0123456789abcdefgh').open(SCHEMA, sealed, 'plugin x setting')).toThrow(
      /plugin x setting relayUrl was encrypted with key id/,
    );
  });
});
