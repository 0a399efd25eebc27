// System lines the server writes into a conversation that the web also shows as a status (a banner,
// the portal's waiting notice). Stated once here so a screen can tell "the log already says this" and
// show it once instead of twice (issue #15 defect 5).

/** What both sides of an agent chat are told when it ends, by reason (the end's system line). */
export const AGENT_CHAT_END_TEXTS: Readonly<Record<string, string>> = {
  declined: 'The user declined the chat request.',
  not_accepted: 'The chat request was not accepted within 2 minutes.',
  busy: 'No technician could take the chat.',
  idle: 'The chat was ended after 5 minutes without messages.',
  ended_by_technician: 'The technician ended the chat.',
  ended_by_user: 'The user ended the chat.',
};
export const AGENT_CHAT_ENDED_TEXT = 'The chat ended.';

/** The system line of a portal chat the visitor ended. */
export const PORTAL_CUSTOMER_ENDED_TEXT = 'The customer ended the conversation';

/** The system line posted when a portal visitor is still waiting after the portal's waiting-offer delay. */
export const PORTAL_WAITING_OFFER_TEXT =
  'All our technicians are busy at the moment. You can keep waiting, or leave your question and we will answer you by email.';

/** The system lines of a screen sharing session (`{name}`: the technician), stored in English. */
export const SCREEN_SHARE_TEXTS = {
  requested: '{name} asked to see the screen.',
  started: 'The customer started sharing their screen.',
  declined: 'The customer declined screen sharing.',
  declined_unsupported: "The customer's browser cannot share the screen (screen sharing declined).",
  stopped_by_customer: 'Screen sharing ended by the customer.',
  ended_by_technician: 'Screen sharing ended by {name}.',
  chat_ended: 'Screen sharing ended with the chat.',
} as const;
