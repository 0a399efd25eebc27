import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  AccountService,
  addressOf,
  AppConfig,
  ChannelInboundHandlers,
  FileService,
  MAX_FILE_BYTES,
  SettingsRegistry,
  SettingsService,
  type InboundContext,
} from '@switchboard/core';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { AddContactCommentService } from '../services/add-contact-comment.service.js';
import { AddTechnicianCommentService } from '../services/add-technician-comment.service.js';
import { ContactAuthorService } from '../services/contact-author.service.js';
import { TicketMailer } from '../services/ticket-mailer.service.js';
import { CreateTicketService } from '../services/create-ticket.service.js';
import type { CcEntry } from '../ticket.types.js';
import { EmailActivityWriter } from './email-activity.writer.js';
import { EmailSenders, splitName } from './email-sender.service.js';
import { defineEmailSettings } from './email-settings.js';
import { EmailThreading, normaliseMessageId } from './email-threading.service.js';

/** The whole message, attachments included, may not exceed this (the SMTP listener refuses it earlier with 552). */
export const MAX_EMAIL_BYTES = MAX_FILE_BYTES;
const SUBJECT_TOKEN = /\s*\[#\d{1,9}\]\s*/g;

const base64Bytes = (b64: string) => Math.floor((b64.replace(/[^A-Za-z0-9+/]/g, '').length * 3) / 4);

/**
 * The email channel's destination: tickets. Receives what the core's inbound pipeline let
 * through (de-duplicated, loop-guarded, rate-limited) and decides: a comment on the ticket the
 * mail threads into, a new ticket (acknowledged by mail), a follow-up of a closed ticket, or —
 * for auto-replies and bounces — only a line in the ticket's activity.
 */
@Injectable()
export class EmailIngestService implements OnModuleInit {
  private readonly logger = new Logger('EmailIngest');

  constructor(
    private readonly handlers: ChannelInboundHandlers,
    private readonly registry: SettingsRegistry,
    private readonly settings: SettingsService,
    private readonly threading: EmailThreading,
    private readonly senders: EmailSenders,
    private readonly tickets: CreateTicketService,
    private readonly technicianComments: AddTechnicianCommentService,
    private readonly comments: AddContactCommentService,
    private readonly authors: ContactAuthorService,
    private readonly mailer: TicketMailer,
    private readonly activity: EmailActivityWriter,
    private readonly files: FileService,
    private readonly accounts: AccountService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    defineEmailSettings(this.registry);
    this.handlers.register('email', (ctx) => this.handle(ctx));
  }

  async handle({ message: m }: InboundContext): Promise<InboundResult> {
    const from = addressOf(m.from.address).toLowerCase();
    if (this.size(m) > MAX_EMAIL_BYTES) return { status: 'rejected', reason: 'too_large' };
    const match = await this.threading.find(m);
    const automated = m.automatedKind ?? (m.automated ? 'auto-reply' : null);
    if (automated) {
      // Recorded where it belongs, never a comment: nobody is notified, nothing reopens, no automation.
      if (!match) return { status: 'ignored', reason: automated };
      await this.activity.record(match.ticket.number, { kind: 'system', id: null, name: 'Email' }, 'email_ignored', {
        kind: automated,
        from,
        subject: (m.subject ?? '').slice(0, 300),
      });
      return { status: 'ignored', reason: automated, ticketNumber: match.ticket.number };
    }
    if (match && match.ticket.status === 'closed') {
      if ((await this.settings.get('email.closedTicketReply')) === 'reopen')
        return this.append(match.ticket, m, from, 'open');
      return this.create(m, from, match.ticket);
    }
    if (match) return this.append(match.ticket, m, from);
    return this.create(m, from, null);
  }

  /** A reply on an existing ticket: a public comment from the contact (or a technician writing by mail). */
  private async append(
    ticket: TicketEntity,
    m: InboundMessage,
    from: string,
    reopenStatus?: string,
  ): Promise<InboundResult> {
    const known = (await this.senders.known(from)).find((c) => c.companyId === ticket.companyId);
    const account = known ? null : await this.accounts.findByEmail(from);
    if (!known && account?.active) {
      // A technician (no contact record) answering by mail: their public reply, mailed to the requester as usual.
      const me = await this.accounts.principal(account.id);
      if (me) {
        const { ids } = await this.storeAttachments(m, { kind: 'account', id: account.id }, ticket.companyId);
        const comment = await this.technicianComments.add(
          ticket.number,
          {
            body: this.body(m),
            visibility: 'public',
            attachmentIds: ids,
            ...(reopenStatus ? { status: reopenStatus } : {}),
          },
          me,
        );
        return { status: 'appended', ticketNumber: ticket.number, commentId: comment.id };
      }
    }
    if (!known && (await this.settings.get('email.unknownSenders')) === 'reject') return this.reject(m, from);
    const contact = known ?? (await this.senders.inCompany(ticket.companyId, from, m.from.name));
    const { ids, inline } = await this.storeAttachments(m, { kind: 'contact', id: contact.id }, ticket.companyId);
    const originalFileId = await this.storeOriginal(m, ticket.companyId);
    const cc = await this.ccEntries(m, from, ticket.companyId, [contact.id]);
    // Interim (issue 12): the email rewrite passes the sender it resolved; until then it is loaded here.
    const comment = await this.comments.add({
      ticketNumber: ticket.number,
      author: await this.authors.resolve(contact.id),
      body: this.body(m),
      source: 'email',
      attachmentIds: ids,
      inlineAttachments: inline,
      messageId: normaliseMessageId(m.externalId).slice(0, 300),
      cc,
      originalFileId,
      ...(reopenStatus ? { reopenStatus } : {}),
    });
    return { status: 'appended', ticketNumber: ticket.number, commentId: comment.id };
  }

  /** A new ticket (optionally the follow-up of a closed one), its first comment, and the acknowledgement. */
  private async create(m: InboundMessage, from: string, followUpOf: TicketEntity | null): Promise<InboundResult> {
    const known = await this.senders.known(from);
    let contact = followUpOf ? known.find((c) => c.companyId === followUpOf.companyId) : undefined;
    contact ??= known[0];
    if (!contact) {
      if ((await this.settings.get('email.unknownSenders')) === 'reject') return this.reject(m, from);
      const companyId = followUpOf?.companyId ?? (await this.senders.companyFor(from));
      if (!companyId) {
        this.logger.warn({ from }, 'No company for a new email sender: set email.defaultCompanyId');
        return { status: 'rejected', reason: 'no_company' };
      }
      contact = await this.senders.inCompany(companyId, from, m.from.name);
    }
    const cc = await this.ccEntries(m, from, contact.companyId, [contact.id]);
    const subject = (m.subject ?? '')
      .replace(followUpOf ? SUBJECT_TOKEN : /$^/, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    const ticket = await this.tickets.createAs(
      { title: (subject || '(no subject)').slice(0, 300), description: this.body(m), requesterId: contact.id, cc },
      { kind: 'contact', id: contact.id, name },
      'email',
    );
    const { ids, inline } = await this.storeAttachments(m, { kind: 'contact', id: contact.id }, contact.companyId);
    const originalFileId = await this.storeOriginal(m, contact.companyId);
    // Interim (issue 12): the email rewrite passes the sender it resolved; until then it is loaded here.
    const comment = await this.comments.add({
      ticketNumber: ticket.number,
      author: await this.authors.resolve(contact.id),
      body: this.body(m),
      source: 'email',
      attachmentIds: ids,
      inlineAttachments: inline,
      messageId: normaliseMessageId(m.externalId).slice(0, 300),
      originalFileId,
    });
    if (followUpOf) {
      const actor = { kind: 'contact' as const, id: contact.id, name };
      await this.activity.record(ticket.number, actor, 'follow_up_of', { number: followUpOf.number });
      await this.activity.record(followUpOf.number, actor, 'follow_up', { number: ticket.number });
    }
    if (await this.settings.get('email.acknowledge')) {
      await this.mailer
        .sendAutomatic(ticket.number, 'ticket.acknowledgement')
        .catch((error: unknown) =>
          this.logger.error({ err: error, ticket: ticket.number }, 'Sending the acknowledgement failed'),
        );
    }
    return { status: 'created', ticketNumber: ticket.number, commentId: comment.id };
  }

  private async reject(m: InboundMessage, from: string): Promise<InboundResult> {
    await this.mailer
      .sendRejection(from, m.subject ?? '', normaliseMessageId(m.externalId))
      .catch((error: unknown) => this.logger.error({ err: error }, 'Sending the rejection failed'));
    return { status: 'rejected', reason: 'unknown_sender' };
  }

  private body(m: InboundMessage): string {
    const text = m.text.trim();
    return text || (m.attachments?.length ? '(attachments only)' : '(empty message)');
  }

  /** Cc'd people become the ticket's Cc: technicians as accounts, others as contacts of the ticket's company. */
  private async ccEntries(m: InboundMessage, from: string, companyId: string, exclude: string[]): Promise<CcEntry[]> {
    const ours = new Set([
      addressOf(this.config.mailFrom).toLowerCase(),
      ...(m.recipients ?? []).map((r) => r.toLowerCase()),
      from,
    ]);
    const entries: CcEntry[] = [];
    for (const person of (m.cc ?? []).slice(0, 20)) {
      const address = addressOf(person.address).toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(address) || ours.has(address)) continue;
      ours.add(address);
      const account = await this.accounts.findByEmail(address);
      if (account?.active) {
        entries.push({ kind: 'account', id: account.id });
        continue;
      }
      const contact = await this.senders.inCompany(
        companyId,
        address,
        person.name ?? splitName(undefined, address).firstName,
      );
      if (!exclude.includes(contact.id)) entries.push({ kind: 'contact', id: contact.id });
    }
    return entries;
  }

  private async storeAttachments(
    m: InboundMessage,
    uploadedBy: { kind: 'contact' | 'account'; id: string },
    companyId: string,
  ) {
    const ids: string[] = [];
    const inline: Record<string, { contentId?: string }> = {};
    for (const a of m.attachments ?? []) {
      if (!a.contentBase64) continue;
      const data = Buffer.from(a.contentBase64, 'base64');
      if (!data.length) continue;
      const file = await this.files.store({
        data,
        name: a.filename || 'attachment',
        contentType: a.contentType,
        companyId,
        uploadedBy,
      });
      ids.push(file.id);
      if (a.inline) inline[file.id] = a.contentId ? { contentId: a.contentId } : {};
    }
    return { ids, inline };
  }

  private async storeOriginal(m: InboundMessage, companyId: string): Promise<string | null> {
    if (!m.rawBase64) return null;
    const data = Buffer.from(m.rawBase64, 'base64');
    if (!data.length || data.length > MAX_FILE_BYTES) return null;
    const file = await this.files.store({
      data,
      name: 'original.eml',
      contentType: m.rawContentType ?? 'message/rfc822',
      companyId,
      uploadedBy: { kind: 'system', id: null },
    });
    return file.id;
  }

  /** Bytes of the whole message: the raw source when given, else bodies and attachments. */
  private size(m: InboundMessage): number {
    if (m.rawBase64) return base64Bytes(m.rawBase64);
    return (
      Buffer.byteLength(m.text) +
      Buffer.byteLength(m.html ?? '') +
      (m.attachments ?? []).reduce((n, a) => n + (a.contentBase64 ? base64Bytes(a.contentBase64) : a.size), 0)
    );
  }
}
