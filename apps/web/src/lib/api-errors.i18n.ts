// What the API's stable error codes mean (#16), for a console that does not read English: the
// server's own message is English and often more specific (it names the ticket, the technician),
// so English keeps it; another language shows the code's message. Unknown codes keep the server's.
import { defineMessages, language } from './i18n';

export const apiErrorMessages = defineMessages(
  {
    NETWORK: 'Could not reach the server. Check your connection and try again.',
    BAD_REQUEST: 'The request was not valid ({detail})',
    VALIDATION_FAILED: 'Some fields are not valid ({detail})',
    UNAUTHORIZED: 'Your session has ended: sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'This no longer exists, or you cannot see it.',
    CONFLICT: 'This was changed in the meantime: reload and try again.',
    PAYLOAD_TOO_LARGE: 'This is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This type of file is not accepted.',
    TOO_MANY_REQUESTS: 'Too many attempts: wait a moment and try again.',
    SERVICE_UNAVAILABLE: 'This service is not available right now: try again later.',
    INTERNAL: 'Something went wrong on the server: try again.',
    CASE_ALREADY_ASSIGNED: 'This case was just assigned to another technician.',
    CASE_CHAT_RUNNING: 'End the chat first.',
    CASE_CHAT_NOT_ENDED: 'The chat has not ended yet.',
    CHAT_ALREADY_TAKEN: 'Another technician already took this chat.',
    CHAT_DISABLED: 'Chat is turned off for this company.',
    DEVICE_OFFLINE: 'The device is offline.',
    AGENT_CHAT_UNAVAILABLE: 'Chat with this device is not available.',
    AI_COMPOSE_UNAVAILABLE: 'Writing help is not available right now.',
    AI_COMPOSE_RATE_LIMITED: 'Too many writing-help requests: wait a moment.',
    AI_PROVIDER_TIMEOUT: 'The writing assistant took too long to answer.',
    AI_PROVIDER_UNAVAILABLE: 'The writing assistant is not reachable.',
    PLUGIN_PERMISSIONS_REQUIRED: 'Approve the permissions this plugin asks for first.',
    MAIL_NO_TRANSPORT: 'No mail relay is configured.',
    AGENT_MESSAGE_TOO_LONG: 'Contact-centre messages are limited to 1,000 characters.',
    AGENT_MESSAGE_RESERVED_CHARACTERS:
      'The characters < and > are reserved for template parameters: remove them to send.',
    ROUTING_QUEUE_DELETED: 'The queue of this conversation was deleted: you can only end the conversation.',
    WRAP_UP_NOT_DUE: 'No wrap-up of this conversation is waiting for you.',
    CONFERENCE_AGENT_UNAVAILABLE: 'This agent is no longer Available with a free chat slot.',
    CONFERENCE_ALREADY_OPEN: 'A conference of this conversation is already ringing or running.',
    CONFERENCE_AGENT_WRAPPING_UP: 'This agent is still wrapping up their part of this conversation.',
    ROUTING_AGENT_UNAVAILABLE: 'This agent cannot take the conversation now: pick another one.',
  },
  {
    NETWORK: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    BAD_REQUEST: "La demande n'est pas valide ({detail})",
    VALIDATION_FAILED: 'Certains champs ne sont pas valides ({detail})',
    UNAUTHORIZED: 'Votre session a expiré : reconnectez-vous.',
    FORBIDDEN: "Vous n'êtes pas autorisé à faire cela.",
    NOT_FOUND: "Cet élément n'existe plus, ou vous ne pouvez pas le voir.",
    CONFLICT: 'Cet élément a été modifié entre-temps : rechargez et réessayez.',
    PAYLOAD_TOO_LARGE: 'Trop volumineux.',
    UNSUPPORTED_MEDIA_TYPE: "Ce type de fichier n'est pas accepté.",
    TOO_MANY_REQUESTS: 'Trop de tentatives : patientez un instant et réessayez.',
    SERVICE_UNAVAILABLE: "Ce service n'est pas disponible pour le moment : réessayez plus tard.",
    INTERNAL: "Une erreur s'est produite sur le serveur : réessayez.",
    CASE_ALREADY_ASSIGNED: "Ce cas vient d'être attribué à un autre technicien.",
    CASE_CHAT_RUNNING: "Terminez d'abord le chat.",
    CASE_CHAT_NOT_ENDED: "Le chat n'est pas encore terminé.",
    CHAT_ALREADY_TAKEN: 'Un autre technicien a déjà pris ce chat.',
    CHAT_DISABLED: 'Le chat est désactivé pour cette société.',
    DEVICE_OFFLINE: "L'appareil est hors ligne.",
    AGENT_CHAT_UNAVAILABLE: "Le chat avec cet appareil n'est pas disponible.",
    AI_COMPOSE_UNAVAILABLE: "L'aide à la rédaction n'est pas disponible pour le moment.",
    AI_COMPOSE_RATE_LIMITED: "Trop de demandes d'aide à la rédaction : patientez un instant.",
    AI_PROVIDER_TIMEOUT: "L'assistant de rédaction a mis trop de temps à répondre.",
    AI_PROVIDER_UNAVAILABLE: "L'assistant de rédaction est injoignable.",
    PLUGIN_PERMISSIONS_REQUIRED: "Approuvez d'abord les autorisations demandées par cette extension.",
    MAIL_NO_TRANSPORT: "Aucun relais d'e-mail n'est configuré.",
    AGENT_MESSAGE_TOO_LONG: 'Les messages du centre de contact sont limités à 1 000 caractères.',
    AGENT_MESSAGE_RESERVED_CHARACTERS:
      'Les caractères < et > sont réservés aux paramètres des modèles : retirez-les pour envoyer.',
    ROUTING_QUEUE_DELETED:
      "La file d'attente de cette conversation a été supprimée : vous pouvez seulement y mettre fin.",
    WRAP_UP_NOT_DUE: 'Aucune clôture de cette conversation ne vous attend.',
    CONFERENCE_AGENT_UNAVAILABLE: "Cet agent n'est plus disponible avec un créneau de chat libre.",
    CONFERENCE_ALREADY_OPEN: 'Une conférence de cette conversation est déjà en cours ou en attente de réponse.',
    CONFERENCE_AGENT_WRAPPING_UP: 'Cet agent est encore en train de clôturer sa part de cette conversation.',
    ROUTING_AGENT_UNAVAILABLE: 'Cet agent ne peut pas prendre la conversation maintenant : choisissez-en un autre.',
  },
);

/**
 * The message to show for an API error: the server's in English, the code's in another language.
 * A refused input keeps the server's words as `{detail}`: they name the field and the rule.
 */
export function apiErrorText(code: string | null, serverMessage: string): string {
  if (language() === 'en' || !code) return serverMessage;
  return apiErrorMessages.tOr(code, serverMessage, { detail: serverMessage });
}
