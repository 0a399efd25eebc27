// The technicians' Devices page (helpdesk agents, "Chat" with the person at a device), English and
// French on the translation layer (lib/i18n.ts). Server messages are shown as sent.
import { defineMessages } from './i18n';

export const devicesMessages = defineMessages(
  {
    title: 'Devices',
    back: '← Devices',
    device: 'Device',
    chat: 'Chat',
    os: 'Operating system',
    osShort: 'OS',
    agent: 'Helpdesk agent',
    lastSeen: 'Last seen',
    enabled: 'Enabled',
    disabled: 'Disabled',
    never: 'Never',
    name: 'Name',
    empty: 'No devices',
    emptyHint: 'Devices appear here once an administrator adds them and their helpdesk agent is enrolled.',
  },
  {
    title: 'Appareils',
    back: '← Appareils',
    device: 'Appareil',
    chat: 'Discuter',
    os: "Système d'exploitation",
    osShort: 'Système',
    agent: "Agent d'assistance",
    lastSeen: 'Dernière connexion',
    enabled: 'Activé',
    disabled: 'Désactivé',
    never: 'Jamais',
    name: 'Nom',
    empty: 'Aucun appareil',
    emptyHint:
      "Les appareils apparaissent ici dès qu'un administrateur les ajoute et que leur agent d'assistance est inscrit.",
  },
);
