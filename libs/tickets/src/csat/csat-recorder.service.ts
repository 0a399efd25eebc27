import { Injectable } from '@nestjs/common';
import { ConflictError, ContactService, DomainError, PiiMasker } from '@switchboard/core';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketActivityService } from '../services/ticket-activity.service.js';
import { TicketUnitOfWork } from '../services/ticket-unit-of-work.service.js';
import type { CsatSurveyEntity } from './csat-survey.entity.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';

export interface CsatAnswer {
  score: number;
  comment?: string | null;
}

export const supersededError = () =>
  new DomainError(
    'CSAT_SURVEY_SUPERSEDED',
    'This survey is about an earlier resolution of the ticket; it can no longer be answered',
    410,
  );
export const answeredError = () => new ConflictError('This survey was already answered');

/**
 * Stores an answer in the ticket's unit of work: the survey row (once, conditionally), the
 * activity line "Rated 4/5: comment" as the requester, and the ticket's latest score for the header.
 * The comment is customer text: masked on the way in like a comment (ingest mode), and shown
 * masked to technicians by the display layer like every activity value.
 */
@Injectable()
export class CsatRecorder {
  constructor(
    private readonly surveys: CsatSurveyRepository,
    private readonly tickets: TicketRepository,
    private readonly work: TicketUnitOfWork,
    private readonly activity: TicketActivityService,
    private readonly contacts: ContactService,
    private readonly masker: PiiMasker,
  ) {}

  async record(survey: CsatSurveyEntity, answer: CsatAnswer, now: Date): Promise<void> {
    const ticket = await this.tickets.findById(survey.ticketId);
    if (!ticket) throw supersededError();
    const [contact] = await this.contacts.getMany([survey.contactId]);
    const comment = answer.comment?.trim() ? this.masker.maskInbound(answer.comment.trim(), survey.companyId) : null;
    const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : 'Requester';
    await this.work.onTicket(ticket.number, undefined, async (cs, tx) => {
      if (!(await this.surveys.answer(survey.id, answer.score, comment, now, tx))) {
        const latest = await this.surveys.findById(survey.id, tx);
        throw latest?.supersededAt ? supersededError() : answeredError();
      }
      this.activity.record(
        cs,
        { kind: 'contact', id: survey.contactId, name: this.masker.maskInbound(name, survey.companyId) },
        'csat',
        null,
        { score: answer.score, comment, resolution: survey.resolution },
      );
      cs.ticket.csatScore = answer.score;
      cs.changes.add('csatScore');
      await this.work.save(cs, tx);
    });
  }
}
