import type { SettingDefinition, SettingsRegistry } from '@switchboard/core';

declare module '@switchboard/core' {
  interface SettingsMap {
    /** A mail answering a Closed ticket: opens a new ticket linked to it, or reopens it. */
    'email.closedTicketReply': 'new_ticket' | 'reopen';
    /** Mail from an address no contact has: create a contact, or refuse with an automatic answer. */
    'email.unknownSenders': 'allow' | 'reject';
    /** Company of new contacts whose mail domain matches no company (empty: the only company, if there is exactly one). */
    'email.defaultCompanyId': string;
    /** Send the "we received your request" acknowledgement for tickets opened by email. */
    'email.acknowledge': boolean;
  }
}

export function defineEmailSettings(registry: SettingsRegistry): void {
  const definitions: SettingDefinition[] = [
    {
      key: 'email.closedTicketReply',
      description:
        'An email answering a Closed ticket: open a new ticket linked to it (new_ticket) or reopen it (reopen)',
      type: 'enum',
      options: ['new_ticket', 'reopen'],
      scopes: ['global'],
      default: 'new_ticket',
    } as SettingDefinition<'email.closedTicketReply'> as unknown as SettingDefinition,
    {
      key: 'email.unknownSenders',
      description:
        'Email from an address no contact has: create the contact (allow) or refuse it with an automatic answer (reject)',
      type: 'enum',
      options: ['allow', 'reject'],
      scopes: ['global'],
      default: 'allow',
    } as unknown as SettingDefinition,
    {
      key: 'email.defaultCompanyId',
      description:
        "Company of new email contacts whose domain matches no company's contacts (empty: the only company when there is exactly one)",
      type: 'company',
      scopes: ['global'],
      default: '',
    } as unknown as SettingDefinition,
    {
      key: 'email.acknowledge',
      description: 'Acknowledge tickets opened by email with an automatic mail (template ticket.acknowledgement)',
      type: 'boolean',
      scopes: ['global'],
      default: true,
    } as unknown as SettingDefinition,
  ];
  for (const d of definitions) registry.define(d as never);
}
