import type { SettingsRegistry } from '@switchboard/core';

declare module '@switchboard/core' {
  interface SettingsMap {
    /** Screen sharing sessions are recorded by the technician's browser and kept with the case (#19). */
    'screen.recording': boolean;
  }
}

/** Off by default; per company. The visitor is told before sharing when it is on. */
export function defineScreenRecordingSetting(registry: SettingsRegistry): void {
  registry.define({
    key: 'screen.recording',
    description:
      'Record screen sharing sessions: the technician’s browser uploads the recording to the case (the visitor is told before sharing)',
    type: 'boolean',
    scopes: ['global', 'company'],
    default: false,
  });
}
