// Login page strings (the form and the first-run demo logins, #16), on the console's translation
// layer (lib/i18n.ts): before sign-in the language is the browser's.
import { defineMessages } from './i18n';

const en = {
  demoTitle: 'Demo data is loaded',
  demoHint: 'Sign in with one of these demo accounts (password {password}). Change their passwords before real use.',
  admin: 'Administrator',
  technician: 'Technician',
  use: 'Use {email}',
  brand: 'Switchboard',
  pageTitle: 'Sign in · Switchboard',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  workspace: 'Technician workspace',
  email: 'Email',
  password: 'Password',
  genericError: 'Something went wrong. Please try again.',
  badCredentials: 'Invalid email or password',
  tooMany: 'Too many attempts, try again in a minute',
};

const fr: { [K in keyof typeof en]: string } = {
  demoTitle: 'Les données de démonstration sont chargées',
  demoHint:
    'Connectez-vous avec l’un de ces comptes de démonstration (mot de passe {password}). Changez leurs mots de passe avant un usage réel.',
  admin: 'Administrateur',
  technician: 'Technicien',
  use: 'Utiliser {email}',
  brand: 'Switchboard',
  pageTitle: 'Connexion · Switchboard',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  workspace: 'Espace technicien',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  genericError: 'Une erreur est survenue. Veuillez réessayer.',
  badCredentials: 'Adresse e-mail ou mot de passe incorrect',
  tooMany: 'Trop de tentatives, réessayez dans une minute',
};

export type LoginStrings = typeof en;
export const loginMessages = defineMessages(en, fr);

/** Kept for its call sites: the string in the current language (read at each call). */
export function lt(key: keyof LoginStrings, vars: Record<string, string> = {}): string {
  return loginMessages.t(key, vars);
}
