// Ticket page Actions menu strings (#15), English and French on the console translation layer
// (lib/i18n.ts, #16).
import { defineMessages, type Vars } from './i18n';

const en = {
  actions: 'Actions',
  startChat: 'Start chat',
  starting: 'Starting the chat…',
  merge: 'Merge into another ticket…',
  editTitle: 'Edit title…',
  changeContact: 'Change contact…',
  productFamily: 'Product family…',
  delete: 'Delete ticket…',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  failed: 'Not saved: {message}',
  networkError: 'network error',
  mergeTitle: 'Merge ticket #{number}',
  mergeSearch: 'Find the ticket to merge into (number or title)',
  mergeSearchHint: 'Its conversation moves there; this ticket is closed and points at it.',
  mergeNoMatch: 'No other open ticket of this company matches.',
  mergeResults: 'Tickets',
  mergeConfirm: 'Merge #{from} into #{into}',
  mergePick: 'Pick a ticket first',
  titleTitle: 'Edit the title',
  titleLabel: 'Title',
  titleEmpty: 'The title must not be empty',
  contactTitle: 'Change the contact',
  contactLabel: 'Requester',
  contactPlaceholder: 'Type a name or an email',
  contactPick: 'Pick a contact',
  familyTitle: 'Product family',
  familyLabel: 'Product family',
  familyNone: 'None',
  deleteTitle: 'Delete ticket #{number}?',
  deleteBody:
    'The ticket, its whole conversation, its attachments list and its activity log are removed permanently. This cannot be undone.',
  deleteConfirm: 'Delete permanently',
  deleted: 'Ticket #{number} was deleted.',
};

const fr: { [K in keyof typeof en]: string } = {
  actions: 'Actions',
  startChat: 'Démarrer une discussion',
  starting: 'Démarrage de la discussion…',
  merge: 'Fusionner dans un autre ticket…',
  editTitle: 'Modifier le titre…',
  changeContact: 'Changer de contact…',
  productFamily: 'Famille de produits…',
  delete: 'Supprimer le ticket…',
  cancel: 'Annuler',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  failed: 'Non enregistré : {message}',
  networkError: 'erreur réseau',
  mergeTitle: 'Fusionner le ticket n°{number}',
  mergeSearch: 'Trouvez le ticket cible (numéro ou titre)',
  mergeSearchHint: 'Sa conversation y est déplacée ; ce ticket est fermé et renvoie vers lui.',
  mergeNoMatch: 'Aucun autre ticket ouvert de cette société ne correspond.',
  mergeResults: 'Tickets',
  mergeConfirm: 'Fusionner n°{from} dans n°{into}',
  mergePick: "Choisissez d'abord un ticket",
  titleTitle: 'Modifier le titre',
  titleLabel: 'Titre',
  titleEmpty: 'Le titre ne doit pas être vide',
  contactTitle: 'Changer de contact',
  contactLabel: 'Demandeur',
  contactPlaceholder: 'Saisissez un nom ou une adresse e-mail',
  contactPick: 'Choisissez un contact',
  familyTitle: 'Famille de produits',
  familyLabel: 'Famille de produits',
  familyNone: 'Aucune',
  deleteTitle: 'Supprimer le ticket n°{number} ?',
  deleteBody:
    "Le ticket, toute sa conversation, sa liste de pièces jointes et son journal d'activité sont supprimés définitivement. Cette action est irréversible.",
  deleteConfirm: 'Supprimer définitivement',
  deleted: 'Le ticket n°{number} a été supprimé.',
};

export type TicketActionStrings = typeof en;
export const ticketActionMessages = defineMessages(en, fr);
export const TICKET_ACTION_STRINGS = ticketActionMessages.messages;

/** Kept for the call sites: a thin wrapper over the catalogue, so the language is read at each call. */
export function tat(key: keyof TicketActionStrings, vars?: Vars): string {
  return ticketActionMessages.t(key, vars);
}
