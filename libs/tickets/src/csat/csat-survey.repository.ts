import { Injectable } from '@nestjs/common';
import { BaseRepository, Tx } from '@switchboard/core';
import { DataSource, IsNull } from 'typeorm';
import { CsatSurveyEntity } from './csat-survey.entity.js';

/** Responses, average score and satisfied (4–5) count of one group (a technician, a company). */
export interface CsatAggregateRow {
  key: string | null;
  responses: number;
  average: number;
  satisfied: number;
}

@Injectable()
export class CsatSurveyRepository extends BaseRepository<CsatSurveyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, CsatSurveyEntity);
  }

  findByTokenHash(tokenHash: string): Promise<CsatSurveyEntity | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  /** The newest survey of a ticket (its latest resolution), answered or not. */
  latestForTicket(ticketId: string, tx?: Tx): Promise<CsatSurveyEntity | null> {
    return this.repo(tx).findOne({ where: { ticketId }, order: { resolution: 'DESC' } });
  }

  /** A reopening or a new resolution: the pending survey's link stops working. */
  async supersedePending(ticketId: string, now: Date, tx: Tx): Promise<void> {
    await this.repo(tx).update({ ticketId, answeredAt: IsNull(), supersededAt: IsNull() }, { supersededAt: now });
  }

  async nextResolution(ticketId: string, tx: Tx): Promise<number> {
    return ((await this.latestForTicket(ticketId, tx))?.resolution ?? 0) + 1;
  }

  /**
   * Records the answer: one conditional UPDATE, so two answers at once store one (the other gets
   * false, a 409), and a superseded survey takes none.
   */
  async answer(id: string, score: number, comment: string | null, now: Date, tx: Tx): Promise<boolean> {
    const res = await this.repo(tx).update(
      { id, answeredAt: IsNull(), supersededAt: IsNull() },
      { score, comment, answeredAt: now },
    );
    return (res.affected ?? 0) > 0;
  }

  /** Answers since `since`, grouped by the assignee at resolution or by company. */
  async aggregate(by: 'assigneeId' | 'companyId', since: Date): Promise<CsatAggregateRow[]> {
    const rows = await this.repo()
      .createQueryBuilder('s')
      .select(`s.${by}`, 'key')
      .addSelect('COUNT(*)', 'responses')
      .addSelect('AVG(s.score)', 'average')
      .addSelect('SUM(CASE WHEN s.score >= 4 THEN 1 ELSE 0 END)', 'satisfied')
      .where('s.answeredAt IS NOT NULL')
      .andWhere('s.answeredAt >= :since', { since })
      .groupBy(`s.${by}`)
      .getRawMany<{
        key: string | null;
        responses: string | number;
        average: string | number;
        satisfied: string | number;
      }>();
    return rows.map((r) => ({
      key: r.key,
      responses: Number(r.responses),
      average: Number(r.average),
      satisfied: Number(r.satisfied),
    }));
  }
}
