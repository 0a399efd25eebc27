import type { ConversationView } from '@switchboard/chat';
import type { AgentChatMeta, AgentChatView, DeviceChatView } from '../agent-chat.types.js';

export const metaOf = (c: ConversationView): AgentChatMeta => c.meta as unknown as AgentChatMeta;

export function toAgentChatView(c: ConversationView): AgentChatView {
  const m = metaOf(c);
  return {
    id: c.id,
    companyId: c.companyId,
    status: c.status,
    initiatedBy: m.initiatedBy,
    device: { id: m.deviceId, name: m.deviceName, os: m.deviceOs ?? '' },
    contact: { id: c.contactId, name: m.contactName },
    technician: m.technician ?? null,
    ticket: m.ticketNumber ? { number: m.ticketNumber, title: m.ticketTitle ?? '', auto: !!m.autoTicket } : null,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt,
    acceptedAt: m.acceptedAt ?? null,
    lastMessageAt: c.lastMessageAt,
    endedAt: c.endedAt,
    endedReason: c.endedReason,
  };
}

export function toDeviceChatView(c: ConversationView): DeviceChatView {
  const m = metaOf(c);
  return {
    id: c.id,
    status: c.status,
    initiatedBy: m.initiatedBy,
    technician: m.technician ? { name: m.technician.name } : null,
    ticket: m.ticketNumber ? { number: m.ticketNumber } : null,
    lastSeq: c.lastSeq,
    endedReason: c.endedReason,
    earlier: m.earlier ?? null,
  };
}
