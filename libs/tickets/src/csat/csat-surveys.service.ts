import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Clock,
  DomainError,
  LoginAttemptStore,
  NotFoundError,
  type AttemptRule,
  type Language,
} from '@switchboard/core';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { csatTokenHash } from './csat-opener.service.js';
import { CsatQuestionService } from './csat-question.service.js';
import { answeredError, CsatRecorder, supersededError, type CsatAnswer } from './csat-recorder.service.js';
import type { CsatSurveyEntity } from './csat-survey.entity.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';

/** Survey page views and answers per client address per quarter hour (tokens are not guessable; this stops trying). */
export const CSAT_PER_CLIENT: AttemptRule = {
  freeFailures: 60,
  baseLockMs: 15 * 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type CsatState = 'pending' | 'answered' | 'superseded';

/** What the requester sees of a survey: nothing internal (no assignee, no company, no ids). */
export interface CsatSurveyView {
  question: string;
  ticket: { number: number; title: string };
  state: CsatState;
  score: number | null;
  comment: string | null;
}

const stateOf = (s: CsatSurveyEntity): CsatState =>
  s.answeredAt ? 'answered' : s.supersededAt ? 'superseded' : 'pending';

/**
 * The requester's side of satisfaction surveys (#18.4): by the mailed link's token (no sign-in),
 * or for a ticket of a signed-in portal contact. One answer per resolution.
 */
@Injectable()
export class CsatSurveysService {
  constructor(
    private readonly surveys: CsatSurveyRepository,
    private readonly tickets: TicketRepository,
    private readonly question: CsatQuestionService,
    private readonly recorder: CsatRecorder,
    private readonly counters: LoginAttemptStore,
    private readonly clock: Clock,
  ) {}

  async view(token: string, language: Language, client: string): Promise<CsatSurveyView> {
    const survey = await this.byToken(token, client);
    const ticket = await this.tickets.findById(survey.ticketId);
    if (!ticket) throw new NotFoundError('Survey', 'this link');
    return {
      question: await this.question.question(survey.companyId, language),
      ticket: { number: ticket.number, title: ticket.title },
      state: stateOf(survey),
      score: survey.score,
      comment: survey.comment,
    };
  }

  async answer(token: string, answer: CsatAnswer, client: string): Promise<void> {
    const survey = await this.byToken(token, client);
    this.assertOpen(survey);
    await this.recorder.record(survey, answer, this.clock.now());
  }

  /**
   * The latest survey of a portal contact's ticket, unless superseded (null: none to show). Only
   * the requester it was sent to sees it; a contact in Cc does not answer for them.
   */
  async forTicket(
    ticketId: string,
    contactId: string,
    language: Language,
  ): Promise<Omit<CsatSurveyView, 'ticket'> | null> {
    const survey = await this.surveys.latestForTicket(ticketId);
    if (!survey || survey.supersededAt || survey.contactId !== contactId) return null;
    return {
      question: await this.question.question(survey.companyId, language),
      state: stateOf(survey),
      score: survey.score,
      comment: survey.comment,
    };
  }

  /** A signed-in contact answers their ticket's pending survey from the ticket page. */
  async answerForTicket(ticketId: string, contactId: string, answer: CsatAnswer): Promise<void> {
    const survey = await this.surveys.latestForTicket(ticketId);
    if (!survey || survey.supersededAt || survey.contactId !== contactId)
      throw new NotFoundError('Survey', 'this ticket');
    this.assertOpen(survey);
    await this.recorder.record(survey, answer, this.clock.now());
  }

  private assertOpen(survey: CsatSurveyEntity): void {
    if (survey.supersededAt) throw supersededError();
    if (survey.answeredAt) throw answeredError();
  }

  /** Counted before the lookup, known token or not, like the sign-in links. */
  private async byToken(token: string, client: string): Promise<CsatSurveyEntity> {
    const key = `csat:c:${createHash('sha256').update(client).digest('hex')}`;
    const now = this.clock.nowMs();
    const until = await this.counters.lockedUntil([key], now);
    if (until)
      throw new DomainError('CSAT_RATE_LIMITED', 'Too many survey requests; try again later', 429, {
        retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      });
    await this.counters.recordFailure(key, now, CSAT_PER_CLIENT);
    const survey = TOKEN.test(token) ? await this.surveys.findByTokenHash(csatTokenHash(token)) : null;
    if (!survey) throw new NotFoundError('Survey', 'this link');
    return survey;
  }
}
