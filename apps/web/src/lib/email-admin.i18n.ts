// Strings of Admin → Email (outbound queue, mail templates), English and French on the translation layer
// (lib/i18n.ts) like the other admin sections. Server messages are shown as sent.
import { defineMessages, type Vars } from './i18n';

const en = {
  queueTitle: 'Outbound email',
  queueLoadFailed: 'Could not load the outbound queue',
  queueEmpty: 'No mail is waiting or failed: everything was delivered (or only recorded, without an SMTP relay).',
  to: 'To',
  subject: 'Subject',
  state: 'State',
  lastError: 'Last error',
  actions: 'Actions',
  'status.recorded': 'recorded',
  'status.sent': 'sent',
  'status.retrying': 'retrying',
  'status.failed': 'failed',
  attempts: '{count, plural, one {# attempt} other {# attempts}}',
  nextAttempt: ' · next {when}',
  stillNotDelivered: 'Still not delivered: {error}',
  unknownError: 'unknown error',
  retryFailed: 'Retry failed',
  retrying: 'Retrying…',
  retry: 'Retry now',
  loading: 'Loading…',
  templatesTitle: 'Email templates',
  templatesLoadFailed: 'Could not load the templates',
  templateSaveFailed: 'Could not save the template',
  templateResetFailed: 'Could not reset the template',
  mail: 'Mail',
  language: 'Language',
  customised: ' (customised)',
  partSubject: 'Subject',
  partText: 'Plain-text part',
  partHtml: 'HTML part',
  placeholders:
    'Placeholders: {list}. Use triple braces in the subject and the plain-text part so text is not HTML-escaped.',
  languageNote:
    "Each language has its own version. A mail goes out in the contact's language, else their company's default language (Settings), else English.",
  save: 'Save',
  reset: 'Reset to default',
  saved: 'Saved',
  'event.ticket.acknowledgement': 'New ticket acknowledgement',
  'event.ticket.reply': 'Public reply',
  'event.ticket.status': 'Status change',
  'event.sender.rejected': 'Refused sender',
  'event.identity.code': 'Helpdesk agent identity code',
  'event.portal.sign-in': 'Portal sign-in link',
  'lang.en': 'English',
  'lang.fr': 'French',
};

const fr: Record<keyof typeof en, string> = {
  queueTitle: 'E-mails sortants',
  queueLoadFailed: "Impossible de charger la file d'envoi",
  queueEmpty: 'Aucun e-mail en attente ni en échec : tout a été remis (ou seulement enregistré, sans relais SMTP).',
  to: 'À',
  subject: 'Objet',
  state: 'État',
  lastError: 'Dernière erreur',
  actions: 'Actions',
  'status.recorded': 'enregistré',
  'status.sent': 'envoyé',
  'status.retrying': 'nouvel essai prévu',
  'status.failed': 'échec',
  attempts: '{count, plural, one {# tentative} other {# tentatives}}',
  nextAttempt: ' · prochain essai {when}',
  stillNotDelivered: 'Toujours pas remis : {error}',
  unknownError: 'erreur inconnue',
  retryFailed: "L'essai a échoué",
  retrying: 'Envoi…',
  retry: 'Réessayer maintenant',
  loading: 'Chargement…',
  templatesTitle: "Modèles d'e-mail",
  templatesLoadFailed: 'Impossible de charger les modèles',
  templateSaveFailed: "Impossible d'enregistrer le modèle",
  templateResetFailed: 'Impossible de rétablir le modèle',
  mail: 'E-mail',
  language: 'Langue',
  customised: ' (personnalisé)',
  partSubject: 'Objet',
  partText: 'Partie texte',
  partHtml: 'Partie HTML',
  placeholders:
    "Variables : {list}. Utilisez les triples accolades dans l'objet et la partie texte pour que le texte ne soit pas échappé en HTML.",
  languageNote:
    'Chaque langue a sa propre version. Un e-mail part dans la langue du contact, sinon celle de sa société (Paramètres), sinon en anglais.',
  save: 'Enregistrer',
  reset: 'Rétablir le modèle par défaut',
  saved: 'Enregistré',
  'event.ticket.acknowledgement': 'Accusé de réception d’un nouveau ticket',
  'event.ticket.reply': 'Réponse publique',
  'event.ticket.status': 'Changement de statut',
  'event.sender.rejected': 'Expéditeur refusé',
  'event.identity.code': "Code d'identité de l'agent d'assistance",
  'event.portal.sign-in': 'Lien de connexion au portail',
  'lang.en': 'Anglais',
  'lang.fr': 'Français',
};

export type EmailAdminStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const emailAdminMessages = defineMessages(en, fr);

export function emt(key: keyof EmailAdminStrings, vars?: Vars): string {
  return emailAdminMessages.t(key, vars);
}

/** A key built at run time (an event, a status): its string, or `fallback` when unknown. */
export function emtOr(key: string, fallback: string, vars?: Vars): string {
  return emailAdminMessages.tOr(key, fallback, vars);
}
