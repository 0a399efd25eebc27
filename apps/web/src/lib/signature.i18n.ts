// Email signature strings, English and French on the translation layer (lib/i18n.ts).
import { defineMessages, type Vars } from './i18n';

const en = {
  title: 'Email signature',
  hint: 'Added under your public replies sent by email, and used to sign AI drafts. Leave it empty to sign with your name.',
  label: 'Signature',
  save: 'Save signature',
  saving: 'Saving…',
  saved: 'Signature saved.',
  cleared: 'Signature removed: replies are signed with your name.',
  failed: 'Could not save the signature.',
  remaining: '{n, plural, one {# character left} other {# characters left}}',
};

const fr: Record<keyof typeof en, string> = {
  title: 'Signature des e-mails',
  hint: "Ajoutée sous vos réponses publiques envoyées par e-mail, et utilisée pour signer les brouillons de l'IA. Laissez-la vide pour signer de votre nom.",
  label: 'Signature',
  save: 'Enregistrer la signature',
  saving: 'Enregistrement…',
  saved: 'Signature enregistrée.',
  cleared: 'Signature supprimée : les réponses sont signées de votre nom.',
  failed: "La signature n'a pas pu être enregistrée.",
  remaining: '{n, plural, one {# caractère restant} other {# caractères restants}}',
};

export type SignatureStrings = typeof en;
/** On the console's translation layer: the language is read at each call (a switch re-renders). */
export const signatureMessages = defineMessages(en, fr);

export function st(key: keyof SignatureStrings, vars?: Vars): string {
  return signatureMessages.t(key, vars);
}
