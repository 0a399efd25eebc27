import type { TicketChangeSet } from './ticket-change-set.js';

/** Queues "ticket was assigned to you" for the new assignee (sent once the change set is published). */
export function notifyAssignee(cs: TicketChangeSet, accountId: string): void {
  const t = cs.ticket;
  cs.notifications.push({
    accountIds: [accountId],
    input: {
      title: `Ticket #${t.number} was assigned to you`,
      body: t.title,
      link: `/tickets/${t.number}`,
      companyId: t.companyId,
    },
    email: false,
  });
}
