import type { TicketView } from '@switchboard/tickets';

/**
 * May the end user answer this ticket from the portal, and does answering reopen it? Open and
 * pending tickets: yes. Resolved: yes (the automation rules decide whether it reopens, as for a
 * mailed reply). Closed (any other "done" status): only when the admin lets replies reopen closed
 * tickets (`email.closedTicketReply = reopen`, the same rule as email). Merged: never.
 */
export function replyRule(
  t: Pick<TicketView, 'status' | 'statusCategory' | 'mergedInto'>,
  closedTicketReply: 'new_ticket' | 'reopen',
): { allowed: boolean; reopenStatus?: string } {
  if (t.mergedInto) return { allowed: false };
  if (t.statusCategory !== 'done' || t.status === 'resolved') return { allowed: true };
  return closedTicketReply === 'reopen' ? { allowed: true, reopenStatus: 'open' } : { allowed: false };
}
