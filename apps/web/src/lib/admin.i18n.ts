// Admin area strings (sub-navigation and shared words), English and French on the translation layer (lib/i18n.ts).
import { defineMessages, formatDate, type Vars } from './i18n';

const en = {
  title: 'Admin',
  sections: 'Admin sections',
  channels: 'Portals, email & plugins',
  // Configuration sections
  settings: 'Settings',
  statuses: 'Ticket statuses',
  productFamilies: 'Product families',
  quickReplies: 'Quick replies',
  automation: 'Automation rules',
  // End of configuration sections
  unknown: 'There is no such admin section.',
  // People and devices (#15)
  users: 'Users',
  companies: 'Companies',
  contacts: 'Contacts',
  devices: 'Devices',
  // Contact centre (#14)
  queues: 'Queues',
  queueBoard: 'Queue board',
  wrapUpReasons: 'Wrap-up reasons',
  // Reports (#18.4)
  satisfaction: 'Satisfaction',
};

const fr: Record<keyof typeof en, string> = {
  title: 'Administration',
  sections: "Sections de l'administration",
  channels: 'Portails, e-mail et plugins',
  // Configuration sections
  settings: 'Réglages',
  statuses: 'États des tickets',
  productFamilies: 'Familles de produits',
  quickReplies: 'Réponses rapides',
  automation: "Règles d'automatisation",
  // End of configuration sections
  unknown: "Cette section de l'administration n'existe pas.",
  // People and devices (#15)
  users: 'Utilisateurs',
  companies: 'Sociétés',
  contacts: 'Contacts',
  devices: 'Appareils',
  // Contact centre (#14)
  queues: "Files d'attente",
  queueBoard: 'Tableau des files',
  wrapUpReasons: 'Motifs de clôture',
  // Reports (#18.4)
  satisfaction: 'Satisfaction',
};

export type AdminStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const adminMessages = defineMessages(en, fr);

export function adt(key: keyof AdminStrings, vars?: Vars): string {
  return adminMessages.t(key, vars);
}

/** A date and time in the admin screens, in the account's language ('' when not a date). */
export function adminDateTime(iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? '' : formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
