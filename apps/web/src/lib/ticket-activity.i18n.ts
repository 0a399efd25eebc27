// The activity log's sentences (#15), English and French on the console translation layer
// (lib/i18n.ts, #16).
import { defineMessages, type Vars } from './i18n';

const en = {
  created: 'created the ticket',
  changedStatus: 'changed the status from {from} to {to}',
  changedPriority: 'changed the priority from {from} to {to}',
  changedImpact: 'changed the impact from {from} to {to}',
  changedType: 'changed the type from {from} to {to}',
  changedFamily: 'changed the product family from {from} to {to}',
  noFamily: 'no product family',
  someFamily: 'a product family',
  deletedFamily: 'a deleted product family',
  renamed: 'renamed the ticket to “{to}”',
  editedDescription: 'edited the description',
  changedRequester: 'changed the requester from {from} to {to}',
  changedRequesterUnnamed: 'changed the requester',
  unknownContact: 'a former contact',
  unassigned: 'unassigned the ticket',
  assigned: 'assigned the ticket to {to}',
  aTechnician: 'a technician',
  updatedCc: 'updated the Cc list',
  comment: 'added a public reply',
  note: 'added an internal note',
  mergedInto: 'merged this ticket into {ticket}',
  mergedFrom: 'merged {ticket} into this ticket',
  chatStarted: 'started a chat from the ticket',
  automation: 'ran an automation',
  automationNamed: 'ran an automation: {name}',
  none: 'none',
  system: 'System',
  loading: 'Loading activity',
  empty: 'No activity yet.',
};

const fr: { [K in keyof typeof en]: string } = {
  created: 'a créé le ticket',
  changedStatus: 'a changé le statut de {from} à {to}',
  changedPriority: 'a changé la priorité de {from} à {to}',
  changedImpact: "a changé l'impact de {from} à {to}",
  changedType: 'a changé le type de {from} à {to}',
  changedFamily: 'a changé la famille de produits de {from} à {to}',
  noFamily: 'aucune famille de produits',
  someFamily: 'une famille de produits',
  deletedFamily: 'une famille de produits supprimée',
  renamed: 'a renommé le ticket en « {to} »',
  editedDescription: 'a modifié la description',
  changedRequester: 'a changé le demandeur de {from} à {to}',
  changedRequesterUnnamed: 'a changé le demandeur',
  unknownContact: 'un ancien contact',
  unassigned: 'a désassigné le ticket',
  assigned: 'a assigné le ticket à {to}',
  aTechnician: 'un technicien',
  updatedCc: 'a mis à jour la liste Cc',
  comment: 'a ajouté une réponse publique',
  note: 'a ajouté une note interne',
  mergedInto: 'a fusionné ce ticket dans {ticket}',
  mergedFrom: 'a fusionné {ticket} dans ce ticket',
  chatStarted: 'a démarré une discussion depuis le ticket',
  automation: 'a exécuté une automatisation',
  automationNamed: 'a exécuté une automatisation : {name}',
  none: 'aucun',
  system: 'Système',
  loading: "Chargement de l'activité",
  empty: "Pas encore d'activité.",
};

export type TicketActivityStrings = typeof en;
export const ticketActivityMessages = defineMessages(en, fr);
export const TICKET_ACTIVITY_STRINGS = ticketActivityMessages.messages;

/** Kept for the call sites: a thin wrapper over the catalogue, so the language is read at each call. */
export function tat(key: keyof TicketActivityStrings, vars?: Vars): string {
  return ticketActivityMessages.t(key, vars);
}
