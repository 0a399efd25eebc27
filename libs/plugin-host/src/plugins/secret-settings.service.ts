import { Injectable } from '@nestjs/common';
import type { SettingField, SettingsValues } from '@switchboard/plugin-sdk';
import { SecretBox } from '@switchboard/core';

/**
 * Settings and channel instance configs as stored: every field of type `secret` sealed with the
 * SecretBox, everything else as-is. Rows stay sealed in memory too; only the code handing values
 * to a plugin or validating a change opens them (views redact secrets without opening them).
 */
@Injectable()
export class SecretSettings {
  constructor(private readonly box: SecretBox) {}

  /** `values` in clear (validated input, or what `open` returned). */
  seal(schema: readonly SettingField[], values: SettingsValues): SettingsValues {
    return this.map(schema, values, (v) => this.box.seal(v));
  }

  /** `what` names the row in the error a wrong key gives (e.g. `plugin channel-email setting relayUrl`). */
  open(schema: readonly SettingField[], values: SettingsValues, what: string): SettingsValues {
    return this.map(schema, values, (v, key) => this.box.open(v, `${what} ${key}`));
  }

  /** Whether writing the row back would change it (plaintext secrets, or sealed with a previous key). */
  needsReseal(schema: readonly SettingField[], values: SettingsValues): boolean {
    return schema.some((f) => {
      const v = values[f.key];
      return f.type === 'secret' && typeof v === 'string' && v !== '' && this.box.needsReseal(v);
    });
  }

  private map(
    schema: readonly SettingField[],
    values: SettingsValues,
    fn: (value: string, key: string) => string,
  ): SettingsValues {
    const out: SettingsValues = { ...values };
    for (const f of schema) {
      const v = out[f.key];
      if (f.type === 'secret' && typeof v === 'string' && v !== '') out[f.key] = fn(v, f.key);
    }
    return out;
  }
}
