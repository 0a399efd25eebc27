// Global search box strings (#20), English and French from the browser language. Same typed
// dictionary shape as the other *.i18n.ts files, meant to be absorbed by the console translation
// layer (#16).

const en = {
  label: 'Search tickets, contacts and chats',
  placeholder: 'Search…',
  tickets: 'Tickets',
  contacts: 'Contacts',
  conversations: 'Conversations',
  searching: 'Searching…',
  noResults: 'No results for “{q}”',
  failed: 'Search failed: {error}',
  inComment: 'in a comment',
  chat: 'Chat',
  untitledChat: 'Chat without subject',
  resultCount: '{n} results',
};

const fr: typeof en = {
  label: 'Rechercher des tickets, contacts et chats',
  placeholder: 'Rechercher…',
  tickets: 'Tickets',
  contacts: 'Contacts',
  conversations: 'Conversations',
  searching: 'Recherche…',
  noResults: 'Aucun résultat pour « {q} »',
  failed: 'Échec de la recherche : {error}',
  inComment: 'dans un commentaire',
  chat: 'Chat',
  untitledChat: 'Chat sans objet',
  resultCount: '{n} résultats',
};

export type SearchStrings = typeof en;
export const SEARCH_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function ts(key: keyof SearchStrings, vars: Record<string, string | number> = {}): string {
  return SEARCH_STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
