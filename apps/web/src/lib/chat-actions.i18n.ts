// Chat and case action strings (#15: the earlier ticket conversation above a chat, confirmations
// before leaving or ending a chat, the case status menu), English and French from the browser
// language. Like the other typed dictionaries, meant to be absorbed by the translation layer (#16).

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

const fr: typeof en = {
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
export const CHAT_ACTION_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function ct(key: keyof ChatActionStrings, vars: Record<string, string | number> = {}): string {
  return CHAT_ACTION_STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
