// Contact-centre strings (#14): the queue and wrap-up reason admin
// sections, the portal's routing field. English and French on the translation layer (lib/i18n.ts); same typed
// dictionary shape as the other *.i18n.ts files. Server messages are shown as sent. (The top bar's agent
// state has its own small catalogue, agent-state.i18n.ts: it is part of the first load.)
import { defineMessages, type Vars } from './i18n';

const en = {
  // shared
  loadFailed: 'Could not load this list',
  saveFailed: 'Could not save',
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  actions: 'Actions',
  created: '“{name}” created',
  saved: 'Saved',
  deleted: '“{name}” deleted',
  // queues
  queuesTitle: 'Queues',
  queuesIntro:
    'A portal that routes to a queue offers each chat to the longest-idle available member who serves the company.',
  queueName: 'Name',
  queueCompanies: 'Companies',
  queueMembers: 'Members',
  queueOfferTimeout: 'Offer timeout (seconds)',
  queueMaxWait: 'Maximum wait (seconds)',
  queueTimers: 'Timers',
  queueTimersValue: 'offer {offer} s · wait {wait} s',
  newQueue: 'New queue',
  addQueue: 'Create queue',
  editQueue: 'Edit queue “{name}”',
  noQueues: 'No queues yet.',
  noneChosen: 'None',
  // wrap-up reasons
  reasonsTitle: 'Wrap-up reasons',
  reasonsIntro: 'Agents pick one of the active reasons when they wrap up a conversation.',
  reasonLabel: 'Label',
  reasonLabelFr: 'French label',
  reasonLabelFrHint: 'Optional: shown to French-speaking users instead of the label.',
  newReason: 'New reason',
  addReason: 'Add reason',
  reasonActive: 'Active',
  reasonInactive: 'Inactive',
  activate: 'Activate',
  deactivate: 'Deactivate',
  noReasons: 'No wrap-up reasons yet.',
  // portal routing
  portalRouting: 'Chat routing',
  'routing.pool': 'Pool: every technician sees Unassigned',
  'routing.queue': 'Queue: offer each chat to an agent',
  portalQueue: 'Queue',
  chooseQueue: 'Choose…',
};

const fr: Record<keyof typeof en, string> = {
  loadFailed: 'Impossible de charger cette liste',
  saveFailed: "Impossible d'enregistrer",
  save: 'Enregistrer',
  cancel: 'Annuler',
  edit: 'Modifier',
  actions: 'Actions',
  created: '« {name} » créé',
  saved: 'Enregistré',
  deleted: '« {name} » supprimé',
  queuesTitle: "Files d'attente",
  queuesIntro:
    'Un portail relié à une file propose chaque chat au membre disponible inactif depuis le plus longtemps qui sert la société.',
  queueName: 'Nom',
  queueCompanies: 'Sociétés',
  queueMembers: 'Membres',
  queueOfferTimeout: "Délai de l'offre (secondes)",
  queueMaxWait: 'Attente maximale (secondes)',
  queueTimers: 'Délais',
  queueTimersValue: 'offre {offer} s · attente {wait} s',
  newQueue: 'Nouvelle file',
  addQueue: 'Créer la file',
  editQueue: 'Modifier la file « {name} »',
  noQueues: "Aucune file d'attente pour l'instant.",
  noneChosen: 'Aucun',
  reasonsTitle: 'Motifs de clôture',
  reasonsIntro: "Les agents choisissent un des motifs actifs lorsqu'ils clôturent une conversation.",
  reasonLabel: 'Libellé',
  reasonLabelFr: 'Libellé français',
  reasonLabelFrHint: 'Facultatif : affiché aux utilisateurs francophones à la place du libellé.',
  newReason: 'Nouveau motif',
  addReason: 'Ajouter le motif',
  reasonActive: 'Actif',
  reasonInactive: 'Inactif',
  activate: 'Activer',
  deactivate: 'Désactiver',
  noReasons: 'Aucun motif de clôture pour l’instant.',
  portalRouting: 'Routage des chats',
  'routing.pool': 'Pool : chaque technicien voit Non attribués',
  'routing.queue': 'File : proposer chaque chat à un agent',
  portalQueue: "File d'attente",
  chooseQueue: 'Choisir…',
};

export type RoutingStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const routingMessages = defineMessages(en, fr);

export function rt(key: keyof RoutingStrings, vars?: Vars): string {
  return routingMessages.t(key, vars);
}
