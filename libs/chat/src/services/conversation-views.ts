import type { ConversationView, MessageView, ParticipantView } from '../chat.types.js';
import type { ConversationEntity } from '../entities/conversation.entity.js';
import type { MessageEntity } from '../entities/message.entity.js';
import type { ParticipantEntity } from '../entities/participant.entity.js';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

export function toMessageView(m: MessageEntity): MessageView {
  const id = m.authorKind === 'technician' ? m.authorAccountId : m.authorKind === 'contact' ? m.authorContactId : null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    kind: m.kind,
    body: m.body,
    author: { kind: m.authorKind, id, name: m.authorName },
    createdAt: iso(m.createdAt)!,
  };
}

export function toConversationView(c: ConversationEntity): ConversationView {
  return {
    id: c.id,
    companyId: c.companyId,
    channel: c.channel,
    channelInstanceId: c.channelInstanceId,
    status: c.status,
    contactId: c.contactId,
    subject: c.subject,
    ticketId: c.ticketId,
    meta: c.meta ?? {},
    lastSeq: c.lastSeq,
    createdAt: iso(c.createdAt)!,
    lastMessageAt: iso(c.lastMessageAt),
    endedAt: iso(c.endedAt),
    endedReason: c.endedReason,
  };
}

export function toParticipantView(p: ParticipantEntity): ParticipantView {
  return { kind: p.kind, id: p.kind === 'system' ? null : p.refId, name: p.name, role: p.role, joinedAt: iso(p.joinedAt)!, leftAt: iso(p.leftAt) };
}
