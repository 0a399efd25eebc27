// Top bar and shell strings (#15.10, #16): the availability switch, the live-connection notice, the
// side menu, notifications and not-found screens, on the console's translation layer (lib/i18n.ts);
// the language is read at each call.
import { defineMessages } from './i18n';

const en = {
  available: 'Available',
  unavailable: 'Unavailable',
  switchLabel: 'Chat availability: ',
  availableHint: 'You receive incoming chats and support requests. Click to become unavailable.',
  unavailableHint: 'You do not receive incoming chats or support requests. Click to become available.',
  saveFailed: 'Could not update availability',
  reconnecting: 'Reconnecting…',
  reconnectingHint: 'Live updates are disconnected; retrying',
  liveUpdates: 'Live updates: ',
  // Shell, side menu, notifications, not-found and lazily loaded screens.
  skipToContent: 'Skip to content',
  navigation: 'Navigation',
  brand: 'Switchboard',
  mainMenu: 'Main',
  navTickets: 'Tickets',
  navChats: 'Chats',
  navDevices: 'Devices',
  navCases: 'Cases',
  navAdmin: 'Admin',
  navNew: ' (new)',
  notifications: 'Notifications',
  notificationsUnread: 'Notifications, {count} unread',
  newNotification: 'New notification: {title}',
  clearAll: 'Clear all',
  caughtUp: "You're all caught up.",
  adminTitle: 'Admin',
  adminOnly: 'Only administrators can open this page.',
  notFoundTitle: 'Page not found',
  notFoundMessage: 'There is nothing at this address.',
  goToTickets: 'Go to tickets',
  screenFailed: 'This screen could not be loaded (the app may have been updated).',
  reload: 'Reload',
  loading: 'Loading',
  loadingApp: 'Loading Switchboard…',
};

const fr: { [K in keyof typeof en]: string } = {
  available: 'Disponible',
  unavailable: 'Indisponible',
  switchLabel: 'Disponibilité pour le chat : ',
  availableHint: 'Vous recevez les chats et les demandes d’assistance entrants. Cliquez pour devenir indisponible.',
  unavailableHint:
    'Vous ne recevez pas les chats ni les demandes d’assistance entrants. Cliquez pour devenir disponible.',
  saveFailed: 'Impossible de modifier la disponibilité',
  reconnecting: 'Reconnexion…',
  reconnectingHint: 'Mises à jour en direct déconnectées ; nouvelle tentative',
  liveUpdates: 'Mises à jour en direct : ',
  skipToContent: 'Aller au contenu',
  navigation: 'Navigation',
  brand: 'Switchboard',
  mainMenu: 'Principal',
  navTickets: 'Tickets',
  navChats: 'Discussions',
  navDevices: 'Appareils',
  navCases: 'Dossiers',
  navAdmin: 'Administration',
  navNew: ' (nouveau)',
  notifications: 'Notifications',
  notificationsUnread: '{count, plural, one {Notifications, # non lue} other {Notifications, # non lues}}',
  newNotification: 'Nouvelle notification : {title}',
  clearAll: 'Tout effacer',
  caughtUp: 'Vous êtes à jour.',
  adminTitle: 'Administration',
  adminOnly: 'Seuls les administrateurs peuvent ouvrir cette page.',
  notFoundTitle: 'Page introuvable',
  notFoundMessage: 'Il n’y a rien à cette adresse.',
  goToTickets: 'Aller aux tickets',
  screenFailed: 'Cet écran n’a pas pu être chargé (l’application a peut-être été mise à jour).',
  reload: 'Recharger',
  loading: 'Chargement',
  loadingApp: 'Chargement de Switchboard…',
};

export type TopBarStrings = typeof en;
export const topBarMessages = defineMessages(en, fr);

/** Kept for its call sites: the string in the current language (read at each call). */
export function tt(key: keyof TopBarStrings, vars?: Record<string, string | number>): string {
  return topBarMessages.t(key, vars);
}
