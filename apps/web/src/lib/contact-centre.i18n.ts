// Contact-centre strings of the agent's working screens (#14): the offer pop-up, the compose pane's
// rules, End and the wrap-up dialog, transfer and conference. Loaded with those lazy chunks (the
// shell only keeps the offers' state), English and French on the translation layer.
import { defineMessages } from './i18n';

const en = {
  offersRegion: 'Contact offers',
  offerTitle: 'Live chat · {queue}',
  offerQueue: 'Queue',
  offerAgent: 'Offered to',
  offerDate: 'Date',
  offerWaiting: 'Waiting',
  offerExpires: 'Accept within {seconds} s',
  offerProactive: 'Proactive',
  offerProactiveHint: 'The customer accepted a chat invitation',
  offerThread: 'Conversation so far',
  offerNoMessages: 'No messages yet.',
  accept: 'Accept',
  decline: 'Decline',
  dismiss: 'Dismiss',
  offerExpired: 'You did not accept a chat in time: your state is RONA. Choose Available to receive chats again.',
  offerWithdrawn: 'The customer left before the chat was accepted.',
  offerTaken: 'This chat is no longer offered to you.',
  notifyTitle: 'Chat offered · {queue}',
};

export const contactCentreMessages = defineMessages(en, {
  offersRegion: 'Offres de contact',
  offerTitle: 'Chat en direct · {queue}',
  offerQueue: "File d'attente",
  offerAgent: 'Proposé à',
  offerDate: 'Date',
  offerWaiting: 'Attente',
  offerExpires: 'Accepter sous {seconds} s',
  offerProactive: 'Proactif',
  offerProactiveHint: 'Le client a accepté une invitation au chat',
  offerThread: "Conversation jusqu'ici",
  offerNoMessages: 'Pas encore de message.',
  accept: 'Accepter',
  decline: 'Refuser',
  dismiss: 'Fermer',
  offerExpired:
    "Vous n'avez pas accepté un chat à temps : votre état est RONA. Choisissez Disponible pour recevoir à nouveau des chats.",
  offerWithdrawn: 'Le client est parti avant que le chat soit accepté.',
  offerTaken: 'Ce chat ne vous est plus proposé.',
  notifyTitle: 'Chat proposé · {queue}',
});
export const cc = contactCentreMessages.t;
