// Keyboard shortcut strings (#15): the "?" overlay and what each shortcut does, in English and
// French. Same typed-dictionary shape as the other *.i18n.ts files; the language is the account's
// choice (GET /api/auth/me `language`), else the browser's.

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

const fr: typeof en = {
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
export type ShortcutLanguage = 'en' | 'fr';
export const SHORTCUT_STRINGS = { en, fr } as const;

const browserLang: ShortcutLanguage = (navigator.languages?.[0] ?? navigator.language ?? 'en')
  .toLowerCase()
  .startsWith('fr')
  ? 'fr'
  : 'en';

/** The account's chosen language, else the browser's. */
export function shortcutLanguage(chosen: string | null | undefined): ShortcutLanguage {
  return chosen === 'fr' || chosen === 'en' ? chosen : browserLang;
}

export function tsk(lang: ShortcutLanguage, key: keyof ShortcutStrings): string {
  return SHORTCUT_STRINGS[lang][key];
}
