// Public domain events: the names and payloads the core publishes and feature plugins may
// subscribe to. Payloads are plain JSON so a plugin could later run out of process.
// Later issues (tickets, chat, portal) add their events here; renaming one is a breaking change.

export interface CompanyEventPayload {
  companyId: string;
  name: string;
}

export interface ContactEventPayload {
  contactId: string;
  companyId: string;
}

export interface AccountAvailabilityPayload {
  accountId: string;
  availability: 'available' | 'unavailable';
}

export interface DeviceEventPayload {
  deviceId: string;
  companyId: string;
}

export interface PluginLifecyclePayload {
  pluginId: string;
}

export interface SettingChangedPayload {
  key: string;
  scope: 'global' | 'company';
  companyId: string | null;
}

/** Every public event name mapped to its payload. */
export interface SwitchboardEventMap {
  'company.created': CompanyEventPayload;
  'company.updated': CompanyEventPayload;
  'contact.created': ContactEventPayload;
  'contact.updated': ContactEventPayload;
  'contact.deleted': ContactEventPayload;
  'account.availability.changed': AccountAvailabilityPayload;
  'device.created': DeviceEventPayload;
  'plugin.enabled': PluginLifecyclePayload;
  'plugin.disabled': PluginLifecyclePayload;
  'setting.changed': SettingChangedPayload;
}

export type SwitchboardEventName = keyof SwitchboardEventMap;

export const SWITCHBOARD_EVENT_NAMES: readonly SwitchboardEventName[] = [
  'company.created',
  'company.updated',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'account.availability.changed',
  'device.created',
  'plugin.enabled',
  'plugin.disabled',
  'setting.changed',
];

/**
 * The permission a plugin needs to subscribe to each event (null: ids-only payload, no grant
 * needed). Typed over the whole map so adding an event without classifying it fails to compile;
 * an event missing here at runtime is denied (default deny).
 */
export const SWITCHBOARD_EVENT_PERMISSIONS: { readonly [K in SwitchboardEventName]: string | null } = {
  'company.created': null,
  'company.updated': null,
  'contact.created': 'contacts.read',
  'contact.updated': 'contacts.read',
  'contact.deleted': 'contacts.read',
  'account.availability.changed': null,
  'device.created': null,
  'plugin.enabled': null,
  'plugin.disabled': null,
  'setting.changed': 'settings.read',
};
