// Screen sharing strings on the technician's side (#19: the case pane's request button, the live
// video and its controls) and the portal admin's setting, English and French from the browser
// language, like the other typed dictionaries (meant to be absorbed by the translation layer, #16).
import { defineMessages, type Vars } from './i18n';

const en = {
  title: 'Screen sharing',
  request: 'Request screen sharing',
  notAllowed: 'Screen sharing is turned off for this portal. An administrator can allow it in the portal settings.',
  unsupported: 'This browser cannot show a shared screen (no WebRTC). Use a current desktop browser.',
  waiting: 'Waiting for the customer…',
  cancel: 'Cancel request',
  connecting: 'The customer accepted. Connecting…',
  live: 'You are seeing the customer’s screen.',
  fit: 'Fit',
  actualSize: 'Actual size',
  fullScreen: 'Full screen',
  end: 'End screen sharing',
  videoLabel: 'The customer’s shared screen',
  endedDeclined: 'The customer declined screen sharing.',
  endedStopped: 'The customer stopped sharing their screen.',
  endedByYou: 'You ended screen sharing.',
  endedChat: 'Screen sharing ended with the chat.',
  endedReplaced: 'The screen sharing request was replaced.',
  failed: 'Screen sharing failed: {message}',
  connectionLost: 'the connection to the customer’s browser was lost',
  reconnected: 'Your connection dropped, so screen sharing ended. You can ask again.',
  recordingBadge: 'Recording',
  recordingSaving: 'Saving the recording…',
  recordingSaved: 'The recording was saved with the case.',
  recordingFailed: 'The recording could not be saved: {message}',
  recordingsTitle: 'Screen recordings',
  recordingDownload: 'Download',
  recordingDelete: 'Delete',
  recordingKeep: 'Keep',
  recordingDeleteTitle: 'Delete this recording?',
  recordingDeleteBody: 'The recording is removed for good. The case and its chat stay.',
  recordingDeleteFailed: 'The recording could not be deleted: {message}',
  allowField: 'Allow screen sharing',
  allowHint: 'Technicians can ask visitors of a live chat to share their screen; visitors always choose.',
};

const fr: typeof en = {
  title: 'Partage d’écran',
  request: 'Demander le partage d’écran',
  notAllowed:
    'Le partage d’écran est désactivé pour ce portail. Un administrateur peut l’autoriser dans les réglages du portail.',
  unsupported:
    'Ce navigateur ne peut pas afficher un écran partagé (pas de WebRTC). Utilisez un navigateur de bureau récent.',
  waiting: 'En attente du client…',
  cancel: 'Annuler la demande',
  connecting: 'Le client a accepté. Connexion…',
  live: 'Vous voyez l’écran du client.',
  fit: 'Ajuster',
  actualSize: 'Taille réelle',
  fullScreen: 'Plein écran',
  end: 'Arrêter le partage d’écran',
  videoLabel: 'L’écran partagé du client',
  endedDeclined: 'Le client a refusé le partage d’écran.',
  endedStopped: 'Le client a arrêté de partager son écran.',
  endedByYou: 'Vous avez arrêté le partage d’écran.',
  endedChat: 'Le partage d’écran s’est terminé avec la discussion.',
  endedReplaced: 'La demande de partage d’écran a été remplacée.',
  failed: 'Le partage d’écran a échoué : {message}',
  connectionLost: 'la connexion avec le navigateur du client a été perdue',
  reconnected: 'Votre connexion a été interrompue, le partage d’écran s’est donc arrêté. Vous pouvez le redemander.',
  recordingBadge: 'Enregistrement',
  recordingSaving: 'Enregistrement de la vidéo…',
  recordingSaved: 'L’enregistrement a été conservé avec le dossier.',
  recordingFailed: 'L’enregistrement n’a pas pu être conservé : {message}',
  recordingsTitle: 'Enregistrements d’écran',
  recordingDownload: 'Télécharger',
  recordingDelete: 'Supprimer',
  recordingKeep: 'Conserver',
  recordingDeleteTitle: 'Supprimer cet enregistrement ?',
  recordingDeleteBody: 'L’enregistrement est supprimé définitivement. Le dossier et sa discussion restent.',
  recordingDeleteFailed: 'L’enregistrement n’a pas pu être supprimé : {message}',
  allowField: 'Autoriser le partage d’écran',
  allowHint:
    'Les techniciens peuvent demander aux visiteurs d’une discussion de partager leur écran ; le visiteur choisit toujours.',
};

export type ScreenShareStrings = typeof en;
export const SCREEN_SHARE_STRINGS = { en, fr } as const;

const screenShareMessages = defineMessages(en, fr);

export function st(key: keyof ScreenShareStrings, vars?: Vars): string {
  return screenShareMessages.t(key, vars);
}
