// The notification settings page (how new cases reach me), English and French on the translation
// layer (lib/i18n.ts). Server messages are shown as sent.
import { defineMessages } from './i18n';

export const notificationSettingsMessages = defineMessages(
  {
    title: 'Notification settings',
    newCases: 'New cases',
    inApp: 'In-app notifications',
    inAppHint: 'New cases appear under the bell in the top bar.',
    browser: 'Browser notifications',
    browserHint: 'A system notification when Switchboard is in a background tab.',
    email: 'Email',
    emailHint: 'An email for each new case of your companies.',
    sound: 'Sound',
    soundHint: 'A short chime for new cases while you are available for chat requests.',
    loadFailed: 'Could not load your preferences',
    saveFailed: 'Could not save',
    available: 'You are available for chat requests: new live chats alert you as chosen below.',
    unavailable:
      'You are unavailable: you get no alerts for incoming chats until you switch to available in the top bar.',
    blocked: 'Your browser blocks notifications for this site; allow them in its site settings.',
    unsupported: 'Not supported by this browser.',
    testSound: 'Play test sound',
  },
  {
    title: 'Paramètres de notification',
    newCases: 'Nouveaux dossiers',
    inApp: "Notifications dans l'application",
    inAppHint: 'Les nouveaux dossiers apparaissent sous la cloche de la barre du haut.',
    browser: 'Notifications du navigateur',
    browserHint: "Une notification du système quand Switchboard est dans un onglet à l'arrière-plan.",
    email: 'E-mail',
    emailHint: 'Un e-mail pour chaque nouveau dossier de vos sociétés.',
    sound: 'Son',
    soundHint: 'Un court carillon pour les nouveaux dossiers tant que vous êtes disponible pour les demandes de chat.',
    loadFailed: 'Impossible de charger vos préférences',
    saveFailed: "Impossible d'enregistrer",
    available:
      'Vous êtes disponible pour les demandes de chat : les nouveaux chats en direct vous alertent comme choisi ci-dessous.',
    unavailable:
      'Vous êtes indisponible : aucune alerte pour les chats entrants tant que vous ne passez pas à disponible dans la barre du haut.',
    blocked: 'Votre navigateur bloque les notifications de ce site ; autorisez-les dans ses paramètres du site.',
    unsupported: 'Non pris en charge par ce navigateur.',
    testSound: 'Jouer un son de test',
  },
);
