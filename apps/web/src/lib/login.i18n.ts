// Login page strings added for the first run (demo logins), English and French from the browser
// language. The console has no translation layer yet (#16): this dictionary is meant to be absorbed by it.

const en = {
  demoTitle: 'Demo data is loaded',
  demoHint: 'Sign in with one of these demo accounts (password {password}). Change their passwords before real use.',
  admin: 'Administrator',
  technician: 'Technician',
  use: 'Use {email}',
};

const fr: typeof en = {
  demoTitle: 'Les données de démonstration sont chargées',
  demoHint:
    'Connectez-vous avec l’un de ces comptes de démonstration (mot de passe {password}). Changez leurs mots de passe avant un usage réel.',
  admin: 'Administrateur',
  technician: 'Technicien',
  use: 'Utiliser {email}',
};

export type LoginStrings = typeof en;
export const LOGIN_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function lt(key: keyof LoginStrings, vars: Record<string, string> = {}): string {
  return LOGIN_STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}
