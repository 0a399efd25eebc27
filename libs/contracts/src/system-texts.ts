// System lines the server writes into a conversation, in the customer's language (#16), and that
// the web also shows as a status (a banner, the portal's waiting notice). Stated once here, per
// language, so a screen can tell "the log already says this" in any language and show it once
// instead of twice (issue #15 defect 5).

/** The languages of automatic texts (the core's LANGUAGES; contracts depend on nothing). */
export type LineLanguage = 'en' | 'fr';
/** One automatic text in each language. */
export type LocalLine = Readonly<Record<LineLanguage, string>>;

const line = (en: string, fr: string): LocalLine => ({ en, fr });

/** `{name}`-style placeholders filled in every language. */
export function fillLine(text: LocalLine, vars: Record<string, string | number>): LocalLine {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  return { en: fill(text.en), fr: fill(text.fr) };
}

/** Whether a stored line is this text, in any language. */
export function isLine(body: string, text: LocalLine): boolean {
  const b = body.trim();
  return b === text.en.trim() || b === text.fr.trim();
}

/** What both sides of an agent chat are told when it ends, by reason (the end's system line). */
export const AGENT_CHAT_END_LINES: Readonly<Record<string, LocalLine>> = {
  declined: line('The user declined the chat request.', "L'utilisateur a refusé la demande de chat."),
  not_accepted: line(
    'The chat request was not accepted within 2 minutes.',
    "La demande de chat n'a pas été acceptée dans les 2 minutes.",
  ),
  busy: line('No technician could take the chat.', "Aucun technicien n'a pu prendre le chat."),
  idle: line(
    'The chat was ended after 5 minutes without messages.',
    'Le chat a été terminé après 5 minutes sans message.',
  ),
  ended_by_technician: line('The technician ended the chat.', 'Le technicien a terminé le chat.'),
  ended_by_user: line('The user ended the chat.', "L'utilisateur a terminé le chat."),
};
export const AGENT_CHAT_ENDED_LINE = line('The chat ended.', 'Le chat est terminé.');

/** The English lines (the console's own language until its translation layer lands). */
export const AGENT_CHAT_END_TEXTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(AGENT_CHAT_END_LINES).map(([k, v]) => [k, v.en]),
);
export const AGENT_CHAT_ENDED_TEXT = AGENT_CHAT_ENDED_LINE.en;

/** What the person at a device is told when nobody can take their chat request. */
/** Why a closed portal (inactive, or its channel plugin off) takes no chat nor request, in the visitor's language. */
export const PORTAL_UNAVAILABLE_LINE = line(
  'We apologize for this temporary inconvenience.',
  'Nous vous prions de nous excuser pour ce désagrément temporaire.',
);
export const AGENT_CHAT_BUSY_LINE = line(
  'Chat busy: no technician is available right now. You can try again, or create a new ticket to leave a message.',
  'Chat occupé : aucun technicien n’est disponible pour le moment. Vous pouvez réessayer, ou créer un ticket pour laisser un message.',
);

/** The system line of a portal chat the visitor ended. */
export const PORTAL_CUSTOMER_ENDED_LINE = line(
  'The customer ended the conversation',
  'Le client a mis fin à la conversation',
);
export const PORTAL_CUSTOMER_ENDED_TEXT = PORTAL_CUSTOMER_ENDED_LINE.en;

/** The system line posted when a portal visitor is still waiting after the portal's waiting-offer delay. */
export const PORTAL_WAITING_OFFER_LINE = line(
  'All our technicians are busy at the moment. You can keep waiting, or leave your question and we will answer you by email.',
  'Tous nos techniciens sont occupés pour le moment. Vous pouvez patienter, ou laisser votre question et nous vous répondrons par e-mail.',
);
export const PORTAL_WAITING_OFFER_TEXT = PORTAL_WAITING_OFFER_LINE.en;

/** The system line when a queued chat waited past its queue's maximum wait (#14): it became a support request. */
export const ROUTING_OVERFLOW_LINE = line(
  'No agent could take your chat in time. Your question was saved as a support request; we will answer you by email.',
  "Aucun agent n'a pu prendre votre discussion à temps. Votre question a été enregistrée comme demande d'assistance ; nous vous répondrons par e-mail.",
);

/** What a waiting portal chat says when it is left as a support request (the visitor's choice, or nobody came in time). */
export const PORTAL_SUPPORT_REQUEST_LINE = line(
  'The question was left as a support request; we will answer by email.',
  "La question a été enregistrée comme demande d'assistance ; nous vous répondrons par e-mail.",
);

/** The title of the ticket a queued chat becomes when nobody took it in time (#14); `{question}`: its first line. */
export const ROUTING_OVERFLOW_TICKET_TITLE = line(
  'Chat not answered: {question}',
  'Discussion sans réponse : {question}',
);

/** Lines every chat channel writes (`{name}`: a participant; `{number}`: a ticket; `{device}`: a device). */
export const CHAT_LINES = {
  joined: line('{name} joined the chat', '{name} a rejoint la discussion'),
  left: line('{name} left the chat', '{name} a quitté la discussion'),
  started: line('Chat started with {name}', 'Chat commencé avec {name}'),
  endedBy: line('{name} ended the chat', '{name} a mis fin à la discussion'),
  /** A second agent joined / left a queue-routed chat by conference (#14). */
  conferenceJoined: line('{name} joined the conversation', '{name} a rejoint la conversation'),
  conferenceLeft: line('{name} left the conversation', '{name} a quitté la conversation'),
  transferred: line(
    '{name} transferred the chat. Please wait for the next agent.',
    '{name} a transféré la discussion. Veuillez patienter, un autre agent va vous répondre.',
  ),
  ticketOpened: line('Ticket #{number} was opened for this chat', 'Le ticket n° {number} a été ouvert pour ce chat'),
  ticketOpenedNoContact: line(
    'Ticket #{number} was opened for this chat without a contact: nobody has confirmed who uses {device}',
    "Le ticket n° {number} a été ouvert pour ce chat sans contact : personne n'a confirmé qui utilise {device}",
  ),
  /** The title of the ticket a chat opens by itself. */
  autoTicketTitle: line('New ticket opened from chat', 'Nouveau ticket ouvert depuis le chat'),
} as const;

/** The system lines of a screen sharing session (`{name}`: the technician), per language. */
export const SCREEN_SHARE_LINES = {
  requested: line('{name} asked to see the screen.', '{name} a demandé à voir votre écran.'),
  started: line('The customer started sharing their screen.', 'Le client a commencé à partager son écran.'),
  declined: line('The customer declined screen sharing.', "Le client a refusé le partage d'écran."),
  declined_unsupported: line(
    "The customer's browser cannot share the screen (screen sharing declined).",
    "Le navigateur du client ne peut pas partager l'écran (partage d'écran refusé).",
  ),
  stopped_by_customer: line('Screen sharing ended by the customer.', "Partage d'écran arrêté par le client."),
  ended_by_technician: line('Screen sharing ended by {name}.', "Partage d'écran arrêté par {name}."),
  chat_ended: line('Screen sharing ended with the chat.', "Partage d'écran terminé avec le chat."),
} as const;
/** The English lines. */
export const SCREEN_SHARE_TEXTS = Object.fromEntries(Object.entries(SCREEN_SHARE_LINES).map(([k, v]) => [k, v.en])) as {
  readonly [K in keyof typeof SCREEN_SHARE_LINES]: string;
};

/** Every line the server writes in the customer's language, placeholders included. */
const ALL_LINES: readonly LocalLine[] = [
  ...Object.values(AGENT_CHAT_END_LINES),
  AGENT_CHAT_ENDED_LINE,
  PORTAL_CUSTOMER_ENDED_LINE,
  PORTAL_WAITING_OFFER_LINE,
  ROUTING_OVERFLOW_LINE,
  PORTAL_SUPPORT_REQUEST_LINE,
  ...Object.values(CHAT_LINES),
  ...Object.values(SCREEN_SHARE_LINES),
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = ALL_LINES.flatMap((l) =>
  (['en', 'fr'] as const).map((lang) => {
    const names: string[] = [];
    const source = escapeRe(l[lang]).replace(/\\\{(\w+)\\\}/g, (_, k: string) => {
      names.push(k);
      return '(.+?)';
    });
    return { line: l, names, re: new RegExp(`^${source}$`) };
  }),
);

/**
 * A stored system line in the reader's language: the server writes it in the customer's, the
 * technician reads it in theirs. A line that is none of ours is returned as it is.
 */
export function translateLine(body: string, to: LineLanguage): string {
  const text = body.trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const vars = Object.fromEntries(p.names.map((k, i) => [k, m[i + 1]]));
    return fillLine(p.line, vars)[to];
  }
  return body;
}
