// sentiment.changed: the end user's sentiment took a new label (with conditions.sentiment: "becomes negative").
export const RULE_TRIGGERS = [
  'ticket.created',
  'comment.contact',
  'comment.technician',
  'status.changed',
  'sentiment.changed',
] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

/** All present keys must match (each is "one of"); an absent key matches anything. */
export interface RuleConditions {
  status?: string[];
  priority?: string[];
  type?: string[];
  companyId?: string[];
  source?: string[];
  /** The end user's sentiment (a ticket without one matches no list). */
  sentiment?: string[];
}

export type RuleAction =
  | { type: 'set_status'; status: string }
  | { type: 'assign'; accountId: string }
  | { type: 'set_priority'; priority: string }
  | { type: 'add_note'; body: string }
  | { type: 'notify'; accountIds: string[]; message?: string };

export const RULE_ACTION_TYPES = ['set_status', 'assign', 'set_priority', 'add_note', 'notify'] as const;

/** The classic rule, seeded disabled: a contact's reply reopens a Pending or Resolved ticket. */
export const REOPEN_ON_CONTACT_REPLY = {
  systemKey: 'reopen-on-contact-reply',
  name: 'Reopen when the contact replies to a Pending or Resolved ticket',
  trigger: 'comment.contact' as RuleTrigger,
  conditions: { status: ['pending', 'resolved'] } as RuleConditions,
  actions: [{ type: 'set_status', status: 'open' }] as RuleAction[],
};
