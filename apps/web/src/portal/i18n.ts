// Portal strings in English and French, on the shared translation layer (lib/i18n.ts, #16). The
// language is the visitor's switch (localStorage), else the browser's; it is fixed for the page
// (the switch reloads), so `S` may stay a plain object of strings. setLanguage() below makes
// `<html lang>`, Intl formatting and the layer's t() follow the same choice.
import { defineMessages, formatDate, setLanguage } from '../lib/i18n';

const en = {
  loading: 'Loading…',
  notFoundTitle: 'Portal not found',
  notFound: 'There is no support portal at this address.',
  unavailableTitle: 'Service unavailable',
  unavailableMessage: 'We apologize for this temporary inconvenience.',
  chatTitle: 'Chat with us',
  chatIntro: 'Tell us who you are and what you need; a technician will join you shortly.',
  requestTitle: 'Leave us a message',
  requestIntro: 'No technician is available right now. Leave your question and we will reply by email.',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  question: 'How can we help?',
  required: 'This field is required.',
  invalidEmail: 'Enter a valid email address.',
  fixErrors: 'Please correct the highlighted fields.',
  startChat: 'Start chat',
  sendRequest: 'Send request',
  sending: 'Sending…',
  requestSent: 'Thank you! Your request has been received.',
  requestFollowUp: 'We will reply to {email} as soon as possible.',
  reference: 'Reference: {id}',
  waiting: 'Please wait, a technician will be with you shortly.',
  queuePosition: 'You are number {position} in the queue.',
  queueNext: 'You are next in the queue.',
  queueWait: '{minutes, plural, one {Estimated wait: about # minute.} other {Estimated wait: about # minutes.}}',
  queueWaitSoon: 'Estimated wait: less than a minute.',
  busy: 'All our technicians are busy at the moment.',
  waitingOffer: 'Don’t want to wait?',
  clickHere: 'Click here',
  waitingOfferRest: 'to leave your question instead; we will answer by email.',
  left: '{name} left the chat',
  typing: '{name} is typing…',
  agentFallback: 'A technician',
  you: 'You',
  message: 'Type your message',
  send: 'Send',
  endChat: 'End chat',
  endConfirm: 'End this chat? You will not be able to send more messages.',
  cancel: 'Cancel',
  ended: 'The chat has ended.',
  endedByAgent: 'The technician closed the chat.',
  gone: 'This chat has ended and is no longer available.',
  transcript: 'Download chat transcript',
  newChat: 'Start a new conversation',
  reconnecting: 'Connection lost. Reconnecting…',
  sendFailed: 'Message not sent. Check your connection and try again.',
  genericError: 'Something went wrong. Please try again.',
  retry: 'Try again',
  close: 'Close',
  convertedTitle: 'Your question has been saved',
  chatLog: 'Conversation',
  poweredBy: 'Powered by Switchboard',
  screenAsk: '{name} would like to see your screen.',
  screenAskHint: 'You choose what to share: a window, a tab or your whole screen. You can stop at any time.',
  screenShare: 'Share my screen',
  screenDecline: 'Decline',
  screenStarting: 'Choose what to share in your browser’s window…',
  screenSharing: 'You are sharing your screen.',
  screenStop: 'Stop sharing',
  screenUnsupported:
    'The technician asked to see your screen, but this browser cannot share it (phones and tablets usually cannot). The technician has been told.',
  screenNotStarted: 'Screen sharing did not start. You can try again or decline.',
  screenStopped: 'You stopped sharing your screen.',
  screenDeclined: 'You declined screen sharing.',
  screenEndedByAgent: 'The technician ended screen sharing.',
  screenRecorded: 'This screen sharing session is recorded and kept with your request.',
};

export type Strings = typeof en;

const fr: { [K in keyof Strings]: string } = {
  loading: 'Chargement…',
  notFoundTitle: 'Portail introuvable',
  notFound: 'Aucun portail d’assistance n’existe à cette adresse.',
  unavailableTitle: 'Service indisponible',
  unavailableMessage: 'Nous vous prions de nous excuser pour ce désagrément temporaire.',
  chatTitle: 'Discutez avec nous',
  chatIntro: 'Indiquez qui vous êtes et ce dont vous avez besoin ; un technicien vous rejoindra rapidement.',
  requestTitle: 'Laissez-nous un message',
  requestIntro:
    'Aucun technicien n’est disponible pour le moment. Laissez votre question, nous vous répondrons par e-mail.',
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'Adresse e-mail',
  question: 'Comment pouvons-nous vous aider ?',
  required: 'Ce champ est obligatoire.',
  invalidEmail: 'Saisissez une adresse e-mail valide.',
  fixErrors: 'Veuillez corriger les champs signalés.',
  startChat: 'Démarrer la discussion',
  sendRequest: 'Envoyer la demande',
  sending: 'Envoi…',
  requestSent: 'Merci ! Votre demande a bien été reçue.',
  requestFollowUp: 'Nous répondrons à {email} dès que possible.',
  reference: 'Référence : {id}',
  waiting: 'Veuillez patienter, un technicien va vous répondre.',
  queuePosition: "Vous êtes numéro {position} dans la file d'attente.",
  queueNext: "Vous êtes le prochain dans la file d'attente.",
  queueWait:
    '{minutes, plural, one {Attente estimée : environ # minute.} other {Attente estimée : environ # minutes.}}',
  queueWaitSoon: "Attente estimée : moins d'une minute.",
  busy: 'Tous nos techniciens sont occupés pour le moment.',
  waitingOffer: 'Vous ne souhaitez pas attendre ?',
  clickHere: 'Cliquez ici',
  waitingOfferRest: 'pour laisser votre question ; nous vous répondrons par e-mail.',
  left: '{name} a quitté la discussion',
  typing: '{name} est en train d’écrire…',
  agentFallback: 'Un technicien',
  you: 'Vous',
  message: 'Écrivez votre message',
  send: 'Envoyer',
  endChat: 'Terminer la discussion',
  endConfirm: 'Terminer cette discussion ? Vous ne pourrez plus envoyer de messages.',
  cancel: 'Annuler',
  ended: 'La discussion est terminée.',
  endedByAgent: 'Le technicien a clos la discussion.',
  gone: 'Cette discussion est terminée et n’est plus disponible.',
  transcript: 'Télécharger la transcription',
  newChat: 'Démarrer une nouvelle conversation',
  reconnecting: 'Connexion perdue. Reconnexion…',
  sendFailed: 'Message non envoyé. Vérifiez votre connexion et réessayez.',
  genericError: 'Une erreur est survenue. Veuillez réessayer.',
  retry: 'Réessayer',
  close: 'Fermer',
  convertedTitle: 'Votre question a été enregistrée',
  chatLog: 'Conversation',
  poweredBy: 'Propulsé par Switchboard',
  screenAsk: '{name} souhaite voir votre écran.',
  screenAskHint:
    'Vous choisissez ce que vous partagez : une fenêtre, un onglet ou tout l’écran. Vous pouvez arrêter à tout moment.',
  screenShare: 'Partager mon écran',
  screenDecline: 'Refuser',
  screenStarting: 'Choisissez ce que vous partagez dans la fenêtre de votre navigateur…',
  screenSharing: 'Vous partagez votre écran.',
  screenStop: 'Arrêter le partage',
  screenUnsupported:
    'Le technicien a demandé à voir votre écran, mais ce navigateur ne peut pas le partager (c’est souvent le cas sur téléphone et tablette). Le technicien a été prévenu.',
  screenNotStarted: 'Le partage d’écran n’a pas démarré. Vous pouvez réessayer ou refuser.',
  screenStopped: 'Vous avez arrêté de partager votre écran.',
  screenDeclined: 'Vous avez refusé le partage d’écran.',
  screenEndedByAgent: 'Le technicien a arrêté le partage d’écran.',
  screenRecorded: 'Cette session de partage d’écran est enregistrée et conservée avec votre demande.',
};

export type Lang = 'en' | 'fr';

/** The visitor's own choice (the language switch), kept in this browser. */
export const LANG_KEY = 'switchboard.portal.lang';

function chosenLang(): string[] {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v ? [v] : [];
  } catch {
    return [];
  }
}

export function pickLang(
  languages: readonly string[] = [...chosenLang(), navigator.language, ...(navigator.languages ?? [])],
): Lang {
  // The first language the browser prefers that we have; English otherwise.
  for (const l of languages) {
    const base = (l || '').toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export const lang: Lang = pickLang();
setLanguage(lang);

export const portalMessages = defineMessages(en, fr);
export const S: Strings = portalMessages.messages[lang];

export function t(key: keyof Strings, vars: Record<string, string | number> = {}): string {
  return portalMessages.t(key, vars);
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatDate(d, { hour: '2-digit', minute: '2-digit' });
}
