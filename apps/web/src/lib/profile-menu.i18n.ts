// The profile menu's strings (#16), on the console's translation layer (lib/i18n.ts).
import { defineMessages } from './i18n';

export const profileMessages = defineMessages(
  {
    menuFor: 'Account menu for {name}',
    account: 'Account',
    admin: 'Administrator',
    technician: 'Technician',
    notificationSettings: 'Notification settings',
    signOut: 'Sign out',
    language: 'Language',
    languageSaveFailed: 'Could not change the language',
  },
  {
    menuFor: 'Menu du compte de {name}',
    account: 'Compte',
    admin: 'Administrateur',
    technician: 'Technicien',
    notificationSettings: 'Paramètres de notification',
    signOut: 'Se déconnecter',
    language: 'Langue',
    languageSaveFailed: 'Impossible de changer la langue',
  },
);
