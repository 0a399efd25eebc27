import type { CaseEntity } from './entities/case.entity.js';
import type { CaseView } from '@switchboard/contracts';
// Stated once in @switchboard/contracts (shared with the web and the socket event map).
export type { CaseView };

export interface CaseCustomer {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function toCaseView(c: CaseEntity, customer: CaseCustomer | undefined): CaseView {
  return {
    // The tail of a time-ordered id is its random part: its head repeats for cases created together.
    id: c.id,
    shortId: c.id.slice(-8),
    type: c.type,
    status: c.status,
    live: c.type === 'live_chat' && c.chatStatus !== 'ended',
    chatStatus: c.chatStatus,
    endedReason: c.endedReason,
    companyId: c.companyId,
    portal: { ...c.portal, address: `/p/${c.portal.subdomain}` },
    customer: customer
      ? { contactId: customer.id, firstName: customer.firstName, lastName: customer.lastName, email: customer.email }
      : null,
    assignee: c.assigneeId ? { id: c.assigneeId, name: c.assigneeName ?? '' } : null,
    question: c.question,
    preview: c.preview ?? [c.question.slice(0, 200)],
    conversationId: c.id,
    device: c.device,
    ticketNumber: c.ticketNumber,
    createdAt: iso(c.createdAt)!,
    submittedAt: iso(c.submittedAt),
    assignedAt: iso(c.assignedAt),
    resolvedAt: iso(c.resolvedAt),
    endedAt: iso(c.endedAt),
    updatedAt: iso(c.updatedAt)!,
  };
}
