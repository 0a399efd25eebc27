// "My tickets" strings in English and French (same language as the rest of the portal: lang from i18n.ts).
import { defineMessages, formatDate as formatOnLayer } from '../lib/i18n';
import { lang } from './i18n';

const en = {
  myTickets: 'My tickets',
  backToPortal: 'Back to the portal',
  signInTitle: 'Sign in to see your tickets',
  signInIntro: 'Enter your email address: we will send you a link to sign in, valid for 15 minutes.',
  email: 'Email',
  sendLink: 'Email me a link',
  linkSent: 'If {email} is known to us, a sign-in link is on its way. Check your inbox.',
  tooMany: 'Too many requests. Please try again in a few minutes.',
  signingIn: 'Signing you in…',
  linkInvalid: 'This sign-in link is invalid, was already used or has expired.',
  askAgain: 'Ask for a new link',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name}',
  newRequest: 'New request',
  noTickets: 'You have no tickets yet.',
  ticketNumber: 'Ticket #{number}',
  updated: 'Updated {when}',
  unread: 'New answer',
  request: 'Your request',
  you: 'You',
  reply: 'Your reply',
  attach: 'Attach files',
  send: 'Send',
  sending: 'Sending…',
  tooLong: 'Messages over 65,536 characters are shortened with “…”.',
  tooBig: 'Attachments may total at most 20 MB per message.',
  closedNote: 'This ticket is closed. Open a new request if you need more help.',
  resolvedNote: 'This ticket is resolved. Reply if the problem is back.',
  mergedNote: 'This ticket was merged into ticket #{number}.',
  notFound: 'This ticket does not exist or is not yours.',
  title: 'Subject',
  description: 'Describe your request',
  create: 'Send request',
  required: 'This field is required.',
  genericError: 'Something went wrong. Please try again.',
  download: 'Download {name}',
  fileSize: '({size} KB)',
  language: 'Language',
  status_open: 'Open',
  status_pending: 'Pending',
  status_resolved: 'Resolved',
  status_closed: 'Closed',
  truncated: 'This message was shortened.',
  removeFile: 'Remove {name}',
  // Satisfaction survey (#18.4)
  csatScore: 'Rate {score} out of 5',
  csatScale: '1 = very dissatisfied, 5 = very satisfied',
  csatComment: 'Comment (optional)',
  csatPick: 'Choose a score from 1 to 5.',
  csatThanks: 'Thank you for your feedback!',
  csatAnswered: 'You already answered for this ticket: {score}/5.',
  csatSuperseded: 'This survey is closed: the ticket was reopened since.',
  csatInvalid: 'This survey link is invalid.',
  csatAbout: 'About ticket #{number}: {title}',
  csatLimited: 'Too many requests. Please try again in a few minutes.',
};

type TicketStrings = typeof en;

const fr: { [K in keyof TicketStrings]: string } = {
  myTickets: 'Mes tickets',
  backToPortal: 'Retour au portail',
  signInTitle: 'Connectez-vous pour voir vos tickets',
  signInIntro: 'Saisissez votre adresse e-mail : nous vous enverrons un lien de connexion valable 15 minutes.',
  email: 'E-mail',
  sendLink: 'Recevoir un lien',
  linkSent: 'Si {email} nous est connue, un lien de connexion vous a été envoyé. Consultez votre messagerie.',
  tooMany: 'Trop de demandes. Réessayez dans quelques minutes.',
  signingIn: 'Connexion en cours…',
  linkInvalid: 'Ce lien de connexion est invalide, déjà utilisé ou expiré.',
  askAgain: 'Demander un nouveau lien',
  signOut: 'Se déconnecter',
  signedInAs: 'Connecté(e) : {name}',
  newRequest: 'Nouvelle demande',
  noTickets: 'Vous n’avez encore aucun ticket.',
  ticketNumber: 'Ticket n° {number}',
  updated: 'Mis à jour {when}',
  unread: 'Nouvelle réponse',
  request: 'Votre demande',
  you: 'Vous',
  reply: 'Votre réponse',
  attach: 'Joindre des fichiers',
  send: 'Envoyer',
  sending: 'Envoi…',
  tooLong: 'Les messages de plus de 65 536 caractères sont raccourcis avec « … ».',
  tooBig: 'Les pièces jointes d’un message ne peuvent dépasser 20 Mo au total.',
  closedNote: 'Ce ticket est fermé. Ouvrez une nouvelle demande si vous avez encore besoin d’aide.',
  resolvedNote: 'Ce ticket est résolu. Répondez si le problème revient.',
  mergedNote: 'Ce ticket a été fusionné avec le ticket n° {number}.',
  notFound: 'Ce ticket n’existe pas ou ne vous appartient pas.',
  title: 'Objet',
  description: 'Décrivez votre demande',
  create: 'Envoyer la demande',
  required: 'Ce champ est obligatoire.',
  genericError: 'Une erreur est survenue. Veuillez réessayer.',
  download: 'Télécharger {name}',
  fileSize: '({size} Ko)',
  language: 'Langue',
  status_open: 'Ouvert',
  status_pending: 'En attente',
  status_resolved: 'Résolu',
  status_closed: 'Fermé',
  truncated: 'Ce message a été raccourci.',
  removeFile: 'Retirer {name}',
  // Satisfaction survey (#18.4)
  csatScore: 'Noter {score} sur 5',
  csatScale: '1 = très insatisfait, 5 = très satisfait',
  csatComment: 'Commentaire (facultatif)',
  csatPick: 'Choisissez une note de 1 à 5.',
  csatThanks: 'Merci pour votre avis !',
  csatAnswered: 'Vous avez déjà répondu pour ce ticket : {score}/5.',
  csatSuperseded: 'Ce questionnaire est clos : le ticket a été rouvert depuis.',
  csatInvalid: 'Ce lien de questionnaire est invalide.',
  csatAbout: 'À propos du ticket n° {number} : {title}',
  csatLimited: 'Trop de demandes. Réessayez dans quelques minutes.',
};

export const ticketMessages = defineMessages(en, fr);
/** The page's language is fixed (the switch reloads), so the strings may be one object. */
export const T: TicketStrings = ticketMessages.messages[lang];

export function tt(key: keyof TicketStrings, vars: Record<string, string | number> = {}): string {
  return ticketMessages.t(key, vars);
}

/**
 * A status in the visitor's language: the French label the admin gave it for a French page (#16),
 * else the built-in translation, else the admin's own name.
 */
export function statusLabel(key: string, name: string, nameFr?: string | null): string {
  if (lang === 'fr' && nameFr?.trim()) return nameFr;
  const own = (T as Record<string, string>)[`status_${key}`];
  return own ?? name;
}

/** A date and time in the portal's language (the layer's, set by i18n.ts). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatOnLayer(d, { dateStyle: 'medium', timeStyle: 'short' });
}
