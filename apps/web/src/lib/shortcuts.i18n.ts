// Keyboard shortcut strings (#15): the "?" overlay and what each shortcut does, on the console's
// translation layer (#16): the language is the layer's current one (the account's, else the browser's).
import { defineMessages } from './i18n';

const en = {
  title: 'Keyboard shortcuts',
  hint: 'Shortcuts are off while you type in a field.',
  close: 'Close',
  page: 'On this page',
  global: 'Everywhere',
  then: 'then',
  or: 'or',
  help: 'Show this list',
  search: 'Search tickets, contacts and chats',
  newTicket: 'New ticket',
  goTickets: 'Go to tickets',
  goCases: 'Go to cases',
  next: 'Mark the next ticket',
  prev: 'Mark the previous ticket',
  open: 'Open the marked ticket',
  select: 'Select or unselect the marked ticket',
  reply: 'Jump to the reply box',
};

const fr: { [K in keyof typeof en]: string } = {
  title: 'Raccourcis clavier',
  hint: 'Les raccourcis sont inactifs pendant la saisie dans un champ.',
  close: 'Fermer',
  page: 'Sur cette page',
  global: 'Partout',
  then: 'puis',
  or: 'ou',
  help: 'Afficher cette liste',
  search: 'Rechercher des tickets, contacts et chats',
  newTicket: 'Nouveau ticket',
  goTickets: 'Aller aux tickets',
  goCases: 'Aller aux dossiers',
  next: 'Marquer le ticket suivant',
  prev: 'Marquer le ticket précédent',
  open: 'Ouvrir le ticket marqué',
  select: 'Sélectionner ou désélectionner le ticket marqué',
  reply: 'Aller à la zone de réponse',
};

export type ShortcutStrings = typeof en;
export const shortcutMessages = defineMessages(en, fr);

/** The string in the current language (read at each call). */
export function tsk(key: keyof ShortcutStrings): string {
  return shortcutMessages.t(key);
}
