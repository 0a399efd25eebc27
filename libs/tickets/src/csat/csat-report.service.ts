import { Injectable } from '@nestjs/common';
import { AccountService, Clock, CompanyService } from '@switchboard/core';
import { CsatSurveyRepository, type CsatAggregateRow } from './csat-survey.repository.js';

export interface CsatReportRow {
  /** Technician or company id; null: resolved while unassigned. */
  id: string | null;
  name: string;
  responses: number;
  /** Average score, one decimal. */
  average: number;
  /** Share of 4 and 5 answers, whole percent. */
  satisfiedPercent: number;
}

export interface CsatReport {
  days: number;
  since: string;
  total: Omit<CsatReportRow, 'id' | 'name'>;
  technicians: CsatReportRow[];
  companies: CsatReportRow[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const stats = (responses: number, sum: number, satisfied: number) => ({
  responses,
  average: responses ? round1(sum / responses) : 0,
  satisfiedPercent: responses ? Math.round((satisfied * 100) / responses) : 0,
});

/** Answers of the last N days (injectable clock), per technician at resolution and per company. */
@Injectable()
export class CsatReportService {
  constructor(
    private readonly surveys: CsatSurveyRepository,
    private readonly accounts: AccountService,
    private readonly companies: CompanyService,
    private readonly clock: Clock,
  ) {}

  async report(days: number): Promise<CsatReport> {
    const since = new Date(this.clock.nowMs() - days * 86_400_000);
    const [byTech, byCompany] = await Promise.all([
      this.surveys.aggregate('assigneeId', since),
      this.surveys.aggregate('companyId', since),
    ]);
    const techNames = new Map(
      (await this.accounts.getMany(byTech.flatMap((r) => (r.key ? [r.key] : [])))).map((a) => [a.id, a.name]),
    );
    const companyNames = new Map<string, string>();
    for (const r of byCompany)
      if (r.key)
        companyNames.set(
          r.key,
          await this.companies.get(r.key).then(
            (c) => c.name,
            () => 'Deleted company',
          ),
        );
    const rows = (list: CsatAggregateRow[], name: (id: string | null) => string) =>
      list
        .map((r) => ({ id: r.key, name: name(r.key), ...stats(r.responses, r.average * r.responses, r.satisfied) }))
        .sort((a, b) => b.responses - a.responses || a.name.localeCompare(b.name));
    const all = byCompany.reduce(
      (acc, r) => ({
        n: acc.n + r.responses,
        sum: acc.sum + r.average * r.responses,
        ok: acc.ok + r.satisfied,
      }),
      { n: 0, sum: 0, ok: 0 },
    );
    return {
      days,
      since: since.toISOString(),
      total: stats(all.n, all.sum, all.ok),
      technicians: rows(byTech, (id) => (id ? (techNames.get(id) ?? 'Deleted technician') : 'Unassigned')),
      companies: rows(byCompany, (id) => (id ? (companyNames.get(id) ?? 'Deleted company') : '')),
    };
  }
}
