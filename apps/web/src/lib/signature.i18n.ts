// Email signature strings, English and French from the browser language. The console has no
// translation layer yet (#16): this typed dictionary is meant to be absorbed by it.

const en = {
  title: 'Email signature',
  hint: 'Added under your public replies sent by email, and used to sign AI drafts. Leave it empty to sign with your name.',
  label: 'Signature',
  save: 'Save signature',
  saving: 'Saving…',
  saved: 'Signature saved.',
  cleared: 'Signature removed: replies are signed with your name.',
  failed: 'Could not save the signature.',
  remaining: '{n} characters left',
};

const fr: typeof en = {
  title: 'Signature des e-mails',
  hint: "Ajoutée sous vos réponses publiques envoyées par e-mail, et utilisée pour signer les brouillons de l'IA. Laissez-la vide pour signer de votre nom.",
  label: 'Signature',
  save: 'Enregistrer la signature',
  saving: 'Enregistrement…',
  saved: 'Signature enregistrée.',
  cleared: 'Signature supprimée : les réponses sont signées de votre nom.',
  failed: "La signature n'a pas pu être enregistrée.",
  remaining: '{n} caractères restants',
};

export type SignatureStrings = typeof en;
export const SIGNATURE_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function st(key: keyof SignatureStrings, vars: Record<string, string | number> = {}): string {
  return SIGNATURE_STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
