import { Injectable, Logger } from '@nestjs/common';
import { contactIn, SettingsService, type ContactView, type InboundContext } from '@switchboard/core';
import type { InboundResult } from '@switchboard/plugin-sdk';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { AddContactCommentService } from '../services/add-contact-comment.service.js';
import { CreateTicketService } from '../services/create-ticket.service.js';
import { EmailActivityWriter } from './email-activity.writer.js';
import { EmailAnswers } from './email-answers.service.js';
import { emailBody } from './email-body.js';
import { EmailCcResolver } from './email-cc.service.js';
import { EmailSenders } from './email-sender.service.js';
import { EmailStorage } from './email-storage.service.js';
import { normaliseMessageId } from './email-threading.service.js';

const SUBJECT_TOKEN = /\s*\[#\d{1,9}\]\s*/g;

/** A new ticket from a mail (optionally the follow-up of a closed one), its first comment, and the acknowledgement. */
@Injectable()
export class EmailTicketOpener {
  private readonly logger = new Logger('EmailIngest');

  constructor(
    private readonly tickets: CreateTicketService,
    private readonly comments: AddContactCommentService,
    private readonly senders: EmailSenders,
    private readonly storage: EmailStorage,
    private readonly cc: EmailCcResolver,
    private readonly activity: EmailActivityWriter,
    private readonly answers: EmailAnswers,
    private readonly settings: SettingsService,
  ) {}

  async open(ctx: InboundContext, followUpOf: TicketEntity | null): Promise<InboundResult> {
    const { message: m, sender } = ctx;
    // The follow-up stays in the closed ticket's company when the sender has a contact there; else their oldest contact.
    let contact = followUpOf ? contactIn(sender, followUpOf.companyId) : undefined;
    contact ??= sender.contacts[0];
    if (!contact) {
      if ((await this.settings.get('email.unknownSenders')) === 'reject') return this.answers.reject(m, sender.address);
      const companyId = followUpOf?.companyId ?? (await this.senders.companyFor(sender.address));
      if (!companyId) {
        this.logger.warn({ from: sender.address }, 'No company for a new email sender: set email.defaultCompanyId');
        return { status: 'rejected', reason: 'no_company' };
      }
      contact = await this.senders.contactFor(sender, companyId);
    }
    const cc = await this.cc.entries(m, ctx.ownAddresses, sender.address, contact.companyId, [contact.id]);
    const subject = (m.subject ?? '')
      .replace(followUpOf ? SUBJECT_TOKEN : /$^/, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    // Content only: the comment inserts the rows already attached, in its transaction.
    const { files, inline } = await this.storage.written(m, { kind: 'contact', id: contact.id }, contact.companyId);
    const writtenOriginal = await this.storage.writtenOriginal(m, contact.companyId);
    const acknowledgement = await this.answers.acknowledgement();
    const writeComment = await this.comments.prepare({
      author: { contact, account: sender.account },
      body: emailBody(m),
      source: 'email',
      writtenAttachments: files,
      inlineAttachments: inline,
      messageId: normaliseMessageId(m.externalId).slice(0, 300),
      writtenOriginal,
      // The first mail is the ticket's Request (#15): this comment carries its files, original and
      // Message-ID, and the page shows it once, as the Request card (not again as a reply).
      opening: true,
      // Its place in the Message-ID chain is taken with the comment (after the mail's own id).
      ...(acknowledgement ? { reserveMail: (t: TicketEntity) => acknowledgement.reserve(t) } : {}),
    });
    let comment: TicketCommentEntity | undefined;
    // One transaction for the ticket and its first message (#20.5): never a ticket without its
    // mail, and no second transaction locking the row just created.
    const ticket = await this.tickets.createAs(
      {
        title: (subject || '(no subject)').slice(0, 300),
        description: emailBody(m),
        requesterId: contact.id,
        requester: contact,
        cc,
      },
      { kind: 'contact', id: contact.id, name },
      'email',
      undefined,
      async (set, tx) => void (comment = await writeComment(set, tx)),
      // The mail chain in the new row's INSERT: no UPDATE of mailReferences after it (#20.5).
      (t) => writeComment.startThread(t),
    );
    if (followUpOf) {
      const actor = { kind: 'contact' as const, id: contact.id, name };
      await this.activity.record(ticket.number, actor, 'follow_up_of', { number: followUpOf.number });
      await this.activity.record(followUpOf.number, actor, 'follow_up', { number: ticket.number });
    }
    // A contact without a language gets the one of their first mail, before the acknowledgement.
    // The requester as it now is, when known for sure (else the acknowledgement reads it).
    let requester: ContactView | undefined = contact;
    if (!contact.language) {
      const learnt = await this.senders.learnLanguage(contact.id, `${subject}\n${emailBody(m)}`);
      requester = learnt ? { ...contact, language: learnt } : undefined;
    }
    await acknowledgement?.send(requester);
    return { status: 'created', ticketNumber: ticket.number, commentId: comment!.id };
  }
}
