import { Injectable } from '@nestjs/common';
import { Page, PageQuery } from '../database/base.repository.js';
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
  createdAt: string;
}

@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  async list(query: PageQuery & { ticketId?: string }): Promise<Page<OutboxMessageView>> {
    const page = await this.outbox.listNewestFirst(query);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((m) => ({
        id: m.id, to: m.to, cc: m.cc, subject: m.subject, text: m.text, html: m.html, headers: m.headers,
        ticketId: m.ticketId, transport: m.transport, createdAt: new Date(m.createdAt).toISOString(),
      })),
    };
  }
}
