// Compose with AI strings (#17), English and French from the browser language. The console has no
// translation layer yet (#16): this typed dictionary is meant to be absorbed by it.

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

const fr: typeof en = {
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
export const AI_COMPOSE_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function at(key: keyof AiComposeStrings): string {
  return AI_COMPOSE_STRINGS[lang][key];
}
