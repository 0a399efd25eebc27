import { Injectable } from '@nestjs/common';
import { AccountService, activeAccount, contactIn, SettingsService, type InboundContext } from '@switchboard/core';
import type { InboundResult } from '@switchboard/plugin-sdk';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { AddContactCommentService } from '../services/add-contact-comment.service.js';
import { AddTechnicianCommentService } from '../services/add-technician-comment.service.js';
import { emailBody } from './email-body.js';
import { EmailAnswers } from './email-answers.service.js';
import { EmailCcResolver } from './email-cc.service.js';
import { EmailSenders } from './email-sender.service.js';
import { EmailStorage } from './email-storage.service.js';
import { normaliseMessageId } from './email-threading.service.js';

/** A reply on an existing ticket: a public comment from the contact (or a technician writing by mail). */
@Injectable()
export class EmailReplyService {
  constructor(
    private readonly contactComments: AddContactCommentService,
    private readonly technicianComments: AddTechnicianCommentService,
    private readonly senders: EmailSenders,
    private readonly storage: EmailStorage,
    private readonly cc: EmailCcResolver,
    private readonly answers: EmailAnswers,
    private readonly settings: SettingsService,
    private readonly accounts: AccountService,
  ) {}

  async append(ctx: InboundContext, ticket: TicketEntity, reopenStatus?: string): Promise<InboundResult> {
    const { message: m, sender } = ctx;
    const known = contactIn(sender, ticket.companyId);
    const technician = known ? null : activeAccount(sender);
    if (technician) {
      // A technician (no contact record) answering by mail: their public reply, mailed to the requester as usual.
      const me = await this.accounts.principal(technician.id);
      if (me) {
        const { ids } = await this.storage.attachments(m, { kind: 'account', id: technician.id }, ticket.companyId);
        const comment = await this.technicianComments.add(
          ticket.number,
          {
            body: emailBody(m),
            visibility: 'public',
            attachmentIds: ids,
            ...(reopenStatus ? { status: reopenStatus } : {}),
          },
          me,
        );
        return { status: 'appended', ticketNumber: ticket.number, commentId: comment.id };
      }
    }
    if (!known && (await this.settings.get('email.unknownSenders')) === 'reject')
      return this.answers.reject(m, sender.address);
    const contact = known ?? (await this.senders.contactFor(sender, ticket.companyId));
    // Content only: the comment inserts the rows already attached, in its transaction.
    const { files, inline } = await this.storage.written(m, { kind: 'contact', id: contact.id }, ticket.companyId);
    const writtenOriginal = await this.storage.writtenOriginal(m, ticket.companyId);
    const cc = await this.cc.entries(m, ctx.ownAddresses, sender.address, ticket.companyId, [contact.id]);
    const comment = await this.contactComments.add({
      ticketNumber: ticket.number,
      author: { contact, account: sender.account },
      body: emailBody(m),
      source: 'email',
      writtenAttachments: files,
      inlineAttachments: inline,
      messageId: normaliseMessageId(m.externalId).slice(0, 300),
      cc,
      writtenOriginal,
      ...(reopenStatus ? { reopenStatus } : {}),
    });
    return { status: 'appended', ticketNumber: ticket.number, commentId: comment.id };
  }
}
