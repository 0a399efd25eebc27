// Top bar strings (#15.10): the availability switch and the live-connection notice, in English and
// French from the browser language. Same typed-dictionary shape as the other *.i18n.ts files, meant
// to be absorbed by the console translation layer (#16).

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
};

const fr: typeof en = {
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
};

export type TopBarStrings = typeof en;
export const TOP_BAR_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function tt(key: keyof TopBarStrings): string {
  return TOP_BAR_STRINGS[lang][key];
}
