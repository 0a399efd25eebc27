// Admin → Queue board (#14): the live view of the contact-centre queues. English and French on the
// translation layer (lib/i18n.ts); customer and agent names are shown as the API sends them (masked).
import { defineMessages, type Vars } from './i18n';

const en = {
  title: 'Queue board',
  intro: 'Live view of the queues, refreshed every 5 seconds. “Today” starts at 00:00 UTC.',
  loadFailed: 'Could not load the queue board',
  noQueues: 'No queues yet. Create one under Queues.',
  waitingTitle: 'Waiting contacts',
  noWaiting: 'Nobody is waiting.',
  customer: 'Customer',
  wait: 'Wait',
  status: 'Status',
  waitingState: 'Waiting',
  ringing: 'Ringing {name}',
  ringingNobody: 'Ringing',
  agentsTitle: 'Agents',
  noAgents: 'This queue has no members.',
  agent: 'Agent',
  since: 'Since',
  'state.available': 'Available',
  'state.busy': 'Busy {active}/{max}',
  'state.rona': 'RONA',
  'state.not_ready': 'Not ready',
  chats: '{active}/{max} chats',
  todayTitle: 'Today',
  arrived: 'Arrived',
  accepted: 'Accepted',
  overflowed: 'Overflowed',
  withdrawn: 'Left the queue',
  averageWait: 'Average wait',
  averageHandle: 'Average handle time',
  wrapUpReasons: 'Wrap-up reasons',
  noWrapUps: 'No wrap-up yet today.',
  noAverage: '—',
};

const fr: Record<keyof typeof en, string> = {
  title: 'Tableau des files',
  intro: "Vue en direct des files d'attente, actualisée toutes les 5 secondes. « Aujourd'hui » commence à 00:00 UTC.",
  loadFailed: 'Impossible de charger le tableau des files',
  noQueues: "Aucune file d'attente pour l'instant. Créez-en une dans Files d'attente.",
  waitingTitle: 'Contacts en attente',
  noWaiting: "Personne n'attend.",
  customer: 'Client',
  wait: 'Attente',
  status: 'Statut',
  waitingState: 'En attente',
  ringing: 'Sonne chez {name}',
  ringingNobody: 'Sonne',
  agentsTitle: 'Agents',
  noAgents: "Cette file n'a aucun membre.",
  agent: 'Agent',
  since: 'Depuis',
  'state.available': 'Disponible',
  'state.busy': 'Occupé {active}/{max}',
  'state.rona': 'RONA',
  'state.not_ready': 'Pas prêt',
  chats: '{active}/{max} chats',
  todayTitle: "Aujourd'hui",
  arrived: 'Arrivés',
  accepted: 'Acceptés',
  overflowed: 'Débordés',
  withdrawn: 'Partis de la file',
  averageWait: 'Attente moyenne',
  averageHandle: 'Durée moyenne de traitement',
  wrapUpReasons: 'Motifs de clôture',
  noWrapUps: "Aucune clôture aujourd'hui.",
  noAverage: '—',
};

export type QueueBoardStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const queueBoardMessages = defineMessages(en, fr);

export function qbt(key: keyof QueueBoardStrings, vars?: Vars): string {
  return queueBoardMessages.t(key, vars);
}
