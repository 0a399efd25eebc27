/** Conversation timer kinds of the contact centre (deadline rows keyed `<kind>:<conversationId>`). */
export const ROUTING_OFFER_TIMER = 'routing.offer';
export const ROUTING_MAX_WAIT_TIMER = 'routing.max-wait';
export const ROUTING_CONFERENCE_OFFER_TIMER = 'routing.conference-offer';
