import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, newId, Tx } from '@switchboard/core';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';
import type { TicketChangeSet } from '../services/ticket-change-set.js';
import { CsatQuestionService } from './csat-question.service.js';
import { CsatSurveyEntity } from './csat-survey.entity.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';

export const csatTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opens a survey when a ticket enters the resolved ("done") category, in the status change's own
 * transaction; leaving it (a reopening) or resolving again supersedes the pending one. Moving
 * between two done statuses (resolved → closed) is the same resolution: no new survey.
 */
@Injectable()
export class CsatOpener {
  constructor(
    private readonly surveys: CsatSurveyRepository,
    private readonly statuses: TicketStatusRepository,
    private readonly question: CsatQuestionService,
    private readonly clock: Clock,
  ) {}

  async onSave(cs: TicketChangeSet, tx: Tx): Promise<void> {
    const t = cs.ticket;
    if (!cs.statusChange || cs.csatCheckedStatus === t.status) return;
    cs.csatCheckedStatus = t.status;
    const now = this.clock.now();
    if (t.statusCategory !== 'done') {
      await this.surveys.supersedePending(t.id, now, tx);
      cs.csat = null;
      return;
    }
    if (cs.csat || cs.created || !t.requesterId || t.mergedIntoNumber) return;
    const from = await this.statuses.findByKey(cs.statusChange.from, tx);
    if (from?.category === 'done') return;
    if (!(await this.question.enabled(t.companyId))) return;
    await this.surveys.supersedePending(t.id, now, tx);
    const token = randomBytes(32).toString('base64url');
    await this.surveys.insertWithoutReload(
      Object.assign(new CsatSurveyEntity(), {
        id: newId(),
        ticketId: t.id,
        resolution: await this.surveys.nextResolution(t.id, tx),
        tokenHash: csatTokenHash(token),
        contactId: t.requesterId,
        assigneeId: t.assigneeId,
        companyId: t.companyId,
        score: null,
        comment: null,
        answeredAt: null,
        supersededAt: null,
        createdAt: now,
      }),
      tx,
    );
    cs.csat = { token };
  }
}
