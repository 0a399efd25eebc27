import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ChannelInboundHandlers,
  MAX_FILE_BYTES,
  SettingsRegistry,
  SettingsService,
  type InboundContext,
  type InboundDestination,
} from '@switchboard/core';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';
import { EmailActivityWriter } from './email-activity.writer.js';
import { EmailReplyService } from './email-reply.service.js';
import { defineEmailSettings } from './email-settings.js';
import { EmailThreading, type ThreadMatch } from './email-threading.service.js';
import { EmailTicketOpener } from './email-ticket-opener.service.js';

/** The whole message, attachments included, may not exceed this (the SMTP listener refuses it earlier with 552). */
export const MAX_EMAIL_BYTES = MAX_FILE_BYTES;

const base64Bytes = (b64: string) => Math.floor((b64.replace(/[^A-Za-z0-9+/]/g, '').length * 3) / 4);

/** Bytes of the whole message: the raw source when given, else bodies and attachments. */
export function emailSize(m: InboundMessage): number {
  if (m.rawBase64) return base64Bytes(m.rawBase64);
  return (
    Buffer.byteLength(m.text) +
    Buffer.byteLength(m.html ?? '') +
    (m.attachments ?? []).reduce((n, a) => n + (a.contentBase64 ? base64Bytes(a.contentBase64) : a.size), 0)
  );
}

/**
 * The email channel's destination in the core's inbound pipeline: tickets. The pipeline already
 * de-duplicated, loop-guarded, rate-limited and resolved the sender; here: the size check (once),
 * threading (`EmailThreading` with the resolved sender), then the use case: a comment on the ticket
 * the mail threads into, a new ticket (acknowledged by mail), a follow-up of a closed ticket, or —
 * for auto-replies and bounces — only a line in the ticket's activity.
 */
@Injectable()
export class EmailIngestService implements OnModuleInit, InboundDestination<ThreadMatch | null> {
  constructor(
    private readonly handlers: ChannelInboundHandlers,
    private readonly registry: SettingsRegistry,
    private readonly settings: SettingsService,
    private readonly threading: EmailThreading,
    private readonly replies: EmailReplyService,
    private readonly opener: EmailTicketOpener,
    private readonly activity: EmailActivityWriter,
  ) {}

  onModuleInit(): void {
    defineEmailSettings(this.registry);
    this.handlers.register('email', this);
  }

  admit(m: InboundMessage): InboundResult | null {
    return emailSize(m) > MAX_EMAIL_BYTES ? { status: 'rejected', reason: 'too_large' } : null;
  }

  thread: InboundDestination<ThreadMatch | null>['thread'] = (m, sender) => this.threading.find(m, sender);

  async deliver(ctx: InboundContext, match: ThreadMatch | null): Promise<InboundResult> {
    const m = ctx.message;
    const automated = m.automatedKind ?? (m.automated ? 'auto-reply' : null);
    if (automated) {
      // Recorded where it belongs, never a comment: nobody is notified, nothing reopens, no automation.
      if (!match) return { status: 'ignored', reason: automated };
      await this.activity.record(match.ticket.number, { kind: 'system', id: null, name: 'Email' }, 'email_ignored', {
        kind: automated,
        from: ctx.sender.address,
        subject: (m.subject ?? '').slice(0, 300),
      });
      return { status: 'ignored', reason: automated, ticketNumber: match.ticket.number };
    }
    if (match && match.ticket.status === 'closed') {
      if ((await this.settings.get('email.closedTicketReply')) === 'reopen')
        return this.replies.append(ctx, match.ticket, 'open');
      return this.opener.open(ctx, match.ticket);
    }
    if (match) return this.replies.append(ctx, match.ticket);
    return this.opener.open(ctx, null);
  }
}
