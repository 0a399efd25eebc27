// Compose with AI strings (#17), English and French on the console translation layer (lib/i18n.ts,
// #16).
import { defineMessages } from './i18n';

const en = {
  menu: 'Compose with AI',
  generate: 'Generate a reply',
  rephrase: 'Rephrase',
  casual: 'More casual',
  formal: 'More formal',
  writing: 'AI is writing…',
  cancel: 'Cancel',
  undo: 'Undo',
  draft: 'AI draft: review and edit before sending',
  needText: 'Write something first, then ask the AI to rewrite it.',
  failed: 'The AI could not write a draft. Your text is kept.',
  cancelled: 'Cancelled. Your text is kept.',
};

const fr: { [K in keyof typeof en]: string } = {
  menu: "Rédiger avec l'IA",
  generate: 'Générer une réponse',
  rephrase: 'Reformuler',
  casual: 'Plus décontracté',
  formal: 'Plus formel',
  writing: "L'IA rédige…",
  cancel: 'Annuler',
  undo: 'Défaire',
  draft: "Brouillon de l'IA : relisez et modifiez avant d'envoyer",
  needText: "Écrivez d'abord un texte, puis demandez à l'IA de le réécrire.",
  failed: "L'IA n'a pas pu rédiger de brouillon. Votre texte est conservé.",
  cancelled: 'Annulé. Votre texte est conservé.',
};

export type AiComposeStrings = typeof en;
export const aiComposeMessages = defineMessages(en, fr);
export const AI_COMPOSE_STRINGS = aiComposeMessages.messages;

/** Kept for the call sites: a thin wrapper over the catalogue, so the language is read at each call. */
export function at(key: keyof AiComposeStrings): string {
  return aiComposeMessages.t(key);
}
