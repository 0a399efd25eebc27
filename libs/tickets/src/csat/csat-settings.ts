import type { SettingDefinition, SettingsRegistry } from '@switchboard/core';

declare module '@switchboard/core' {
  interface SettingsMap {
    /** Ask the requester "How did we do?" when a ticket is resolved (#18.4). */
    'csat.enabled': boolean;
    /** The question; the default is shown in the requester's language, a custom one as written. */
    'csat.question': string;
  }
}

export const DEFAULT_CSAT_QUESTION = 'How did we do?';

export function defineCsatSettings(registry: SettingsRegistry): void {
  const definitions: SettingDefinition[] = [
    {
      key: 'csat.enabled',
      description: 'Ask the requester to rate the help (1–5 and a comment) when a ticket is resolved',
      type: 'boolean',
      scopes: ['global', 'company'],
      default: true,
    } as unknown as SettingDefinition,
    {
      key: 'csat.question',
      description: 'The satisfaction question (the default one is translated; a custom one is shown as written)',
      type: 'string',
      scopes: ['global', 'company'],
      default: DEFAULT_CSAT_QUESTION,
    } as unknown as SettingDefinition,
  ];
  for (const d of definitions) registry.define(d as never);
}
