import type { CommentView, TicketStatusView, TicketView } from '@switchboard/tickets';
import type {
  PortalAttachmentDto,
  PortalCsatDto,
  PortalCommentViewDto,
  PortalTicketDto,
  PortalTicketSummaryDto,
} from '../dto/portal-ticket.dto.js';

/** Only what an end user may see of a ticket: no priority, assignee, sentiment, notes or Cc list. */
export function portalSummary(
  t: TicketView,
  statuses: TicketStatusView[],
  readAt: Date | undefined,
): PortalTicketSummaryDto {
  const updatedAt = new Date(t.updatedAt);
  const status = statuses.find((s) => s.key === t.status);
  return {
    number: t.number,
    title: t.title,
    status: t.status,
    statusName: status?.name ?? t.status,
    // The portal shows it to French visitors when the admin gave one (#16).
    statusNameFr: status?.nameFr ?? null,
    statusCategory: t.statusCategory,
    // A technician answered (waiting for the contact) after the contact last looked.
    unread: t.activityStatus === 'waiting_for_contact' && (!readAt || readAt < updatedAt),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

const attachment = (a: CommentView['attachments'][number]): PortalAttachmentDto => ({
  id: a.id,
  name: a.name,
  size: a.size,
  contentType: a.contentType,
});

export function portalComment(c: CommentView, contactId: string): PortalCommentViewDto {
  return {
    id: c.id,
    body: c.body,
    author: {
      kind: c.author.kind,
      name: c.author.name,
      mine: c.author.kind === 'contact' && c.author.id === contactId,
    },
    source: c.source,
    truncated: c.truncated,
    attachments: c.attachments.map(attachment),
    createdAt: c.createdAt,
  };
}

/** The ticket page: the request (description + the opening message's files), then the replies. */
export function portalTicket(
  t: TicketView,
  comments: CommentView[],
  statuses: TicketStatusView[],
  contactId: string,
  canReply: boolean,
  csat: PortalCsatDto | null = null,
): PortalTicketDto {
  const opening = comments.filter((c) => c.opening);
  return {
    ...portalSummary(t, statuses, new Date(8.64e15)),
    description: t.description,
    attachments: opening.flatMap((c) => c.attachments.map(attachment)),
    comments: comments.filter((c) => !c.opening).map((c) => portalComment(c, contactId)),
    canReply,
    mergedInto: t.mergedInto,
    csat,
  };
}
