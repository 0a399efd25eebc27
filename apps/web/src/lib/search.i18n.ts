// Global search box strings (#20), English and French on the console translation layer
// (lib/i18n.ts, #16).
import { defineMessages, type Vars } from './i18n';

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
  resultCount: '{n, plural, one {# result} other {# results}}',
};

const fr: { [K in keyof typeof en]: string } = {
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
  resultCount: '{n, plural, one {# résultat} other {# résultats}}',
};

export type SearchStrings = typeof en;
export const searchMessages = defineMessages(en, fr);
export const SEARCH_STRINGS = searchMessages.messages;

/** Kept for the call sites: a thin wrapper over the catalogue, so the language is read at each call. */
export function ts(key: keyof SearchStrings, vars?: Vars): string {
  return searchMessages.t(key, vars);
}
