// The agent's contact-centre state in the top bar (#14), English and French on the translation layer
// (lib/i18n.ts). Apart from the routing catalogue: the top bar is part of the first load (#16).
import { defineMessages, type Vars } from './i18n';

const en = {
  agentStateLabel: 'Agent state',
  'state.available': 'Available',
  'state.not_ready': 'Not ready',
  'state.busy': 'Busy',
  'state.rona': 'Missed offer (RONA)',
  stateBusyHint: 'At capacity: no new chats until one is wrapped up',
  stateRonaHint: 'An offer was not accepted in time. Choose Available to receive chats again.',
  stateSaveFailed: 'Could not change the agent state',
};

const fr: Record<keyof typeof en, string> = {
  agentStateLabel: "État de l'agent",
  'state.available': 'Disponible',
  'state.not_ready': 'Pas prêt',
  'state.busy': 'Occupé',
  'state.rona': 'Offre manquée (RONA)',
  stateBusyHint: "Capacité atteinte : pas de nouveau chat avant d'en clôturer un",
  stateRonaHint: "Une offre n'a pas été acceptée à temps. Choisissez Disponible pour recevoir à nouveau des chats.",
  stateSaveFailed: "Impossible de changer l'état de l'agent",
};

export type AgentStateStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const agentStateMessages = defineMessages(en, fr);

export function ast(key: keyof AgentStateStrings, vars?: Vars): string {
  return agentStateMessages.t(key, vars);
}
