import { Injectable } from '@nestjs/common';
import { Page, PageQuery, type OutboxStatus } from '@switchboard/core';
import { MailDelivery } from './mail-delivery.service.js';
import type { OutboxMessageEntity } from './outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';

export interface OutboxMessageView {
  id: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  ticketId: string | null;
  transport: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  attachments: Array<{ fileId: string; name: string; contentType: string; size: number }>;
  createdAt: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly delivery: MailDelivery,
  ) {}

  async list(query: PageQuery & { ticketId?: string; status?: OutboxStatus }): Promise<Page<OutboxMessageView>> {
    const page = await this.outbox.listNewestFirst(query);
    return { nextCursor: page.nextCursor, items: page.items.map(toView) };
  }

  /** Admin: deliver a failed or waiting mail now. */
  async retry(id: string): Promise<OutboxMessageView> {
    return toView(await this.delivery.retryNow(id));
  }

  /** Ticket ids of mails we sent with these Message-IDs (email threading). */
  ticketIdsByMessageIds(messageIds: string[]): Promise<Array<{ messageId: string; ticketId: string }>> {
    return this.outbox.ticketIdsByMessageIds(messageIds);
  }
}

function toView(m: OutboxMessageEntity): OutboxMessageView {
  return {
    id: m.id,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: m.headers,
    ticketId: m.ticketId,
    transport: m.transport,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: iso(m.nextAttemptAt),
    sentAt: iso(m.sentAt),
    attachments: m.attachments ?? [],
    createdAt: new Date(m.createdAt).toISOString(),
  };
}
