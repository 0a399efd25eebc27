// The admin plugin table's strings and what each plugin permission allows, in English and French
// (on the translation layer, lib/i18n.ts). Network permissions name the port or host they allow (#13.14).
import { defineMessages, type Vars } from './i18n';

const en = {
  settings: 'Settings',
  save: 'Save settings',
  saving: 'Saving…',
  saved: 'Settings saved',
  saveFailed: 'Could not save the settings',
  enable: 'Enable (grant its permissions)',
  disable: 'Disable',
  secretKept: 'Stored; leave as is to keep it',
  noSettings: 'This plugin has no settings.',
  plugins: 'Plugins',
  plugin: 'Plugin',
  kind: 'Kind',
  status: 'Status',
  permissions: 'Permissions',
  none: 'None',
  granted: ' (granted)',
  notGranted: ' (not granted)',
  loading: 'Loading plugins…',
  loadFailed: 'Could not load plugins',
  empty: 'No plugins installed',
  disabled: 'disabled',
  version: 'v{version}',
  'status.enabled': 'enabled',
  'status.disabled': 'disabled',
  'status.incompatible': 'incompatible',
  'status.invalid_settings': 'invalid settings',
  'status.crashed': 'crashed',
  'kind.channel': 'channel',
  'kind.feature': 'feature',
  'conversations.read': 'Read conversations',
  'conversations.write': 'Change conversations',
  'messages.write': 'Post messages',
  'tickets.read': 'Read tickets',
  'tickets.write': 'Change tickets',
  'contacts.read': 'Read contacts',
  'contacts.write': 'Create contacts',
  'contacts.pii.read': 'Read contacts’ personal data unmasked',
  'settings.read': 'Read settings',
  kv: 'Store its own data',
  'channel.ingest': 'Hand inbound messages to the helpdesk',
  'mail.transport': 'Deliver outgoing mail',
  listenAny: 'Accept network connections on any port (the one set in its settings)',
  listenPort: 'Accept network connections on port {port}',
  connectAny: 'Open network connections to any host (the ones set in its settings)',
  connectHost: 'Open network connections to {host}',
  http: 'Make HTTP requests to {host}',
};

const fr: Record<keyof typeof en, string> = {
  settings: 'Réglages',
  save: 'Enregistrer les réglages',
  saving: 'Enregistrement…',
  saved: 'Réglages enregistrés',
  saveFailed: "Impossible d'enregistrer les réglages",
  enable: 'Activer (accorder ses permissions)',
  disable: 'Désactiver',
  secretKept: 'Enregistré ; laissez tel quel pour le garder',
  noSettings: "Cette extension n'a pas de réglages.",
  plugins: 'Extensions',
  plugin: 'Extension',
  kind: 'Type',
  status: 'État',
  permissions: 'Permissions',
  none: 'Aucune',
  granted: ' (accordée)',
  notGranted: ' (non accordée)',
  loading: 'Chargement des extensions…',
  loadFailed: 'Impossible de charger les extensions',
  empty: 'Aucune extension installée',
  disabled: 'désactivée',
  version: 'v{version}',
  'status.enabled': 'activé',
  'status.disabled': 'désactivé',
  'status.incompatible': 'incompatible',
  'status.invalid_settings': 'réglages invalides',
  'status.crashed': 'planté',
  'kind.channel': 'canal',
  'kind.feature': 'fonctionnalité',
  'conversations.read': 'Lire les conversations',
  'conversations.write': 'Modifier les conversations',
  'messages.write': 'Publier des messages',
  'tickets.read': 'Lire les tickets',
  'tickets.write': 'Modifier les tickets',
  'contacts.read': 'Lire les contacts',
  'contacts.write': 'Créer des contacts',
  'contacts.pii.read': 'Lire les données personnelles des contacts sans masquage',
  'settings.read': 'Lire les réglages',
  kv: 'Stocker ses propres données',
  'channel.ingest': 'Transmettre les messages entrants au support',
  'mail.transport': 'Distribuer le courrier sortant',
  listenAny: 'Accepter des connexions réseau sur n’importe quel port (celui de ses réglages)',
  listenPort: 'Accepter des connexions réseau sur le port {port}',
  connectAny: 'Ouvrir des connexions réseau vers n’importe quel hôte (ceux de ses réglages)',
  connectHost: 'Ouvrir des connexions réseau vers {host}',
  http: 'Faire des requêtes HTTP vers {host}',
};

export type PluginStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const pluginMessages = defineMessages(en, fr);

export function pt(key: keyof PluginStrings, vars?: Vars): string {
  return pluginMessages.t(key, vars);
}

/** What a permission allows, in words; unknown ones are shown as they are. */
export function describePermission(permission: string): string {
  if (permission === 'net:listen') return pt('listenAny');
  if (permission === 'net:connect') return pt('connectAny');
  const listen = /^net:listen:(\d+)$/.exec(permission);
  if (listen) return pt('listenPort', { port: listen[1] });
  const connect = /^net:connect:(.+)$/.exec(permission);
  if (connect) return pt('connectHost', { host: connect[1] });
  if (permission.startsWith('net:')) return pt('http', { host: permission.slice(4) });
  // Own keys only: a permission named like an Object.prototype member must not find it.
  return Object.prototype.hasOwnProperty.call(en, permission) ? pluginMessages.tOr(permission, permission) : permission;
}
