// Chat and case action strings (#15: the earlier ticket conversation above a chat, confirmations
// before leaving or ending a chat, the case status menu), on the console's translation layer (#16).
import { defineMessages } from './i18n';

const en = {
  earlierTitle: 'Earlier in ticket #{number}',
  earlierMore: 'Only the latest messages are shown. The whole conversation is on the ticket.',
  earlierRequest: 'Request',
  endChat: 'End chat',
  endTitle: 'End this chat?',
  endBody: 'The person at the device is told the chat has ended. You cannot write in it again.',
  endConfirm: 'End chat',
  leaveChat: 'Leave chat',
  leaveTitle: 'Leave this chat?',
  leaveBody: 'The visitor is told you left and the chat ends. You cannot write in it again.',
  leaveConfirm: 'Leave chat',
  cancel: 'Cancel',
  caseStatus: 'Case status',
  statusUnassigned: 'Unassigned',
  statusAssigned: 'Assigned',
  statusResolved: 'Resolved',
  statusChatRunning: 'Leave the chat before unassigning the case',
  failed: 'The action failed. Try again.',
};

const fr: { [K in keyof typeof en]: string } = {
  earlierTitle: 'Plus tôt dans le ticket n°{number}',
  earlierMore: 'Seuls les derniers messages sont affichés. Toute la conversation se trouve sur le ticket.',
  earlierRequest: 'Demande',
  endChat: 'Terminer la discussion',
  endTitle: 'Terminer cette discussion ?',
  endBody: "La personne sur l'appareil est informée que la discussion est terminée. Vous ne pourrez plus y écrire.",
  endConfirm: 'Terminer la discussion',
  leaveChat: 'Quitter la discussion',
  leaveTitle: 'Quitter cette discussion ?',
  leaveBody: 'Le visiteur est informé de votre départ et la discussion se termine. Vous ne pourrez plus y écrire.',
  leaveConfirm: 'Quitter la discussion',
  cancel: 'Annuler',
  caseStatus: 'Statut du dossier',
  statusUnassigned: 'Non attribué',
  statusAssigned: 'Attribué',
  statusResolved: 'Résolu',
  statusChatRunning: "Quittez la discussion avant de retirer l'attribution du dossier",
  failed: "L'action a échoué. Réessayez.",
};

export type ChatActionStrings = typeof en;
export const chatActionMessages = defineMessages(en, fr);

/** Kept for its call sites: the string in the current language (read at each call). */
export function ct(key: keyof ChatActionStrings, vars: Record<string, string | number> = {}): string {
  return chatActionMessages.t(key, vars);
}
