import type { ConversationView, MessageFile, MessageView, ParticipantView } from '../chat.types.js';
import type { ConversationEntity } from '../entities/conversation.entity.js';
import type { MessageEntity } from '../entities/message.entity.js';
import type { ParticipantEntity } from '../entities/participant.entity.js';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

export function toMessageView(m: MessageEntity): MessageView {
  const id = m.authorKind === 'technician' ? m.authorAccountId : m.authorKind === 'contact' ? m.authorContactId : null;
  const file = m.kind === 'file' ? parseFileBody(m.body) : null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    kind: m.kind,
    body: file ? file.name : m.body,
    author: { kind: m.authorKind, id, name: m.authorName },
    ...(file ? { file } : {}),
    createdAt: iso(m.createdAt)!,
  };
}

/**
 * A file message stores its reference as JSON in `body` (no extra column on the hot message
 * table); the view splits it so the id travels as `fileId` (ids are never masked) and `body`
 * is just the name.
 */
export function fileMessageBody(file: MessageFile): string {
  return JSON.stringify({ fileId: file.fileId, name: file.name, size: file.size, contentType: file.contentType });
}

export function parseFileBody(body: string): MessageFile | null {
  try {
    const f = JSON.parse(body) as Partial<MessageFile>;
    if (typeof f.fileId !== 'string' || typeof f.name !== 'string') return null;
    return {
      fileId: f.fileId,
      name: f.name,
      size: Number(f.size ?? 0),
      contentType: String(f.contentType ?? 'application/octet-stream'),
    };
  } catch {
    return null;
  }
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
  return {
    kind: p.kind,
    id: p.kind === 'system' ? null : p.refId,
    name: p.name,
    role: p.role,
    joinedAt: iso(p.joinedAt)!,
    leftAt: iso(p.leftAt),
  };
}
