// Texts the console writes itself, outside any screen (#16): fallbacks for a failed request or upload
// when the server gave no message, and the titles of OS notifications.
import { defineMessages } from './i18n';

export const clientTexts = defineMessages(
  {
    requestFailed: 'Request failed ({status})',
    requestFailedPlain: 'Request failed',
    unreachable: 'Could not reach the server',
    fileTooLarge: 'A file may be at most 20 MB',
    filesTooLarge: 'Files may be at most 20 MB',
    uploadFailed: 'Upload failed ({status})',
    aiError: 'The AI assistant failed',
    aiStreamEnded: 'The AI stream ended early',
    messageNotSent: 'Message not sent',
    newLiveChat: 'New live chat',
    newSupportRequest: 'New support request',
  },
  {
    requestFailed: 'La requête a échoué ({status})',
    requestFailedPlain: 'La requête a échoué',
    unreachable: 'Impossible de joindre le serveur',
    fileTooLarge: 'Un fichier ne peut dépasser 20 Mo',
    filesTooLarge: 'Les fichiers ne peuvent dépasser 20 Mo',
    uploadFailed: 'L’envoi a échoué ({status})',
    aiError: 'L’assistant IA a échoué',
    aiStreamEnded: 'La réponse de l’IA s’est interrompue',
    messageNotSent: 'Message non envoyé',
    newLiveChat: 'Nouveau chat en direct',
    newSupportRequest: 'Nouvelle demande d’assistance',
  },
);
