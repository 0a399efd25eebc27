import { Injectable } from '@nestjs/common';
import {
  fullTextMatch,
  type SortBound,
  planFullText,
  type FullTextSourceName,
  type MaskedScope,
  type SearchText,
} from '@switchboard/core';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

/** What the viewer may search: companies (undefined = all) and those seen masked (undefined = none). */
export interface SearchScope {
  companyIds?: string[];
  masked?: MaskedScope;
}

export interface TicketRow {
  id: string;
  number: number;
  title: string;
  description: string;
  status: string;
  companyId: string;
  updatedAt: Date | string;
}
export interface CommentRow {
  body: string;
  number: number;
  title: string;
  status: string;
  companyId: string;
  updatedAt: Date | string;
}
export interface ContactRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  companyId: string;
}
export interface MessageRow {
  conversationId: string;
  subject: string | null;
  status: string;
  companyId: string;
  body: string;
  createdAt: Date | string;
  channel: string;
  ticketNumber: number | null;
}

/**
 * The global search's reads (#20), each over one full-text index (see FULL_TEXT_SOURCES), newest
 * first, within the viewer's companies. Tickets match their masked search text where the viewer
 * sees the company masked; the other sources are matched raw here and checked masked on read.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get driver(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  tickets(search: SearchText, scope: SearchScope, limit: number): Promise<TicketRow[]> {
    if (scope.companyIds?.length === 0) return Promise.resolve([]);
    const from = (manager: EntityManager) => {
      const qb = manager.createQueryBuilder().from('tickets', 't');
      this.inCompanies(qb, 't', scope);
      return qb;
    };
    const newest = <Q extends SelectQueryBuilder<object>>(qb: Q) =>
      qb.orderBy('t."updatedAt"', 'DESC').addOrderBy('t."id"', 'DESC');
    return planFullText(
      this.dataSource,
      {
        bound: async (manager, rows) =>
          (await newest(from(manager).select('t."updatedAt"', 'value').addSelect('t."id"', 'id'))
            .offset(rows - 1)
            .limit(1)
            .getRawOne<SortBound>()) ?? null,
        probe: (manager, probeLimit) => {
          const probe = from(manager).select('t."id"', 'id');
          this.ticketsMatching(probe, search, scope);
          return probe.limit(probeLimit).getRawMany<{ id: string }>();
        },
        run: (manager, { ids, bound }) => {
          if (ids?.length === 0) return Promise.resolve([]);
          const qb = (ids ? manager.createQueryBuilder().from('tickets', 't') : from(manager))
            .select(['t."id" AS id', 't."number" AS number', 't."title" AS title', 't."description" AS description'])
            .addSelect(['t."status" AS status', 't."companyId" AS "companyId"', 't."updatedAt" AS "updatedAt"']);
          // The probed ids already passed the companies and the (masked) text.
          if (ids) qb.where('t."id" IN (:...matchIds)', { matchIds: ids });
          else this.ticketsMatching(qb, search, scope);
          if (bound)
            qb.andWhere('(t."updatedAt", t."id") >= (:boundValue, :boundId)', {
              boundValue: bound.value,
              boundId: bound.id,
            });
          return newest(qb).limit(limit).getRawMany<TicketRow>();
        },
        full: (rows) => rows.length >= limit,
      },
      { windowRows: search.substring ? 0 : undefined },
    );
  }

  /** Tickets match their masked search text where the viewer sees the company masked, else the raw one. */
  private ticketsMatching(qb: SelectQueryBuilder<object>, search: SearchText, scope: SearchScope): void {
    const raw = fullTextMatch(this.driver, 'tickets', 'raw', 't', search);
    const masked = fullTextMatch(this.driver, 'tickets', 'masked', 't', search);
    const m = scope.masked;
    if (!m || (!m.byDefault && !m.except.length)) qb.andWhere(raw.where, raw.params);
    else if (m.byDefault && !m.except.length) qb.andWhere(masked.where, masked.params);
    else {
      const [maskedWhere, rawWhere] = m.byDefault
        ? ['t."companyId" NOT IN (:...maskScope)', 't."companyId" IN (:...maskScope)']
        : ['t."companyId" IN (:...maskScope)', 't."companyId" NOT IN (:...maskScope)'];
      qb.andWhere(
        new Brackets((w) => {
          w.where(`(${maskedWhere} AND ${masked.where})`).orWhere(`(${rawWhere} AND ${raw.where})`);
        }),
        { ...raw.params, ...masked.params, maskScope: m.except },
      );
    }
  }

  comments(search: SearchText, scope: SearchScope, limit: number): Promise<CommentRow[]> {
    if (scope.companyIds?.length === 0) return Promise.resolve([]);
    const from = (manager: EntityManager) => {
      const qb = manager
        .createQueryBuilder()
        .from('ticket_comments', 'c')
        .innerJoin('tickets', 't', 't."id" = c."ticketId"');
      this.inCompanies(qb, 't', scope);
      return qb;
    };
    const newest = <Q extends SelectQueryBuilder<object>>(qb: Q) =>
      qb.orderBy('c."createdAt"', 'DESC').addOrderBy('c."id"', 'DESC');
    return planFullText(
      this.dataSource,
      {
        bound: async (manager, rows) =>
          (await newest(from(manager).select('c."createdAt"', 'value').addSelect('c."id"', 'id'))
            .offset(rows - 1)
            .limit(1)
            .getRawOne<SortBound>()) ?? null,
        probe: (manager, probeLimit) => {
          const probe = from(manager).select('c."id"', 'id');
          this.matching(probe, 'comments', 'c', search);
          return probe.limit(probeLimit).getRawMany<{ id: string }>();
        },
        run: (manager, { ids, bound }) => {
          if (ids?.length === 0) return Promise.resolve([]);
          const qb = from(manager)
            .select(['c."body" AS body', 't."number" AS number', 't."title" AS title', 't."status" AS status'])
            .addSelect(['t."companyId" AS "companyId"', 't."updatedAt" AS "updatedAt"']);
          if (ids) qb.andWhere('c."id" IN (:...matchIds)', { matchIds: ids });
          else this.matching(qb, 'comments', 'c', search);
          if (bound)
            qb.andWhere('(c."createdAt", c."id") >= (:boundValue, :boundId)', {
              boundValue: bound.value,
              boundId: bound.id,
            });
          return newest(qb).limit(limit).getRawMany<CommentRow>();
        },
        full: (rows) => rows.length >= limit,
      },
      { windowRows: search.substring ? 0 : undefined },
    );
  }

  contacts(search: SearchText, scope: SearchScope, limit: number): Promise<ContactRow[]> {
    if (scope.companyIds?.length === 0) return Promise.resolve([]);
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['p."id" AS id', 'p."firstName" AS "firstName"', 'p."lastName" AS "lastName"', 'p."email" AS email'])
      .addSelect(['p."phone" AS phone', 'p."companyId" AS "companyId"'])
      .from('contacts', 'p');
    this.inCompanies(qb, 'p', scope);
    this.matching(qb, 'contacts', 'p', search);
    return qb.orderBy('p."lastName"', 'ASC').addOrderBy('p."id"', 'ASC').limit(limit).getRawMany<ContactRow>();
  }

  messages(search: SearchText, scope: SearchScope, limit: number): Promise<MessageRow[]> {
    if (scope.companyIds?.length === 0) return Promise.resolve([]);
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['m."conversationId" AS "conversationId"', 'v."subject" AS subject', 'v."status" AS status'])
      .addSelect(['v."companyId" AS "companyId"', 'm."body" AS body', 'm."createdAt" AS "createdAt"'])
      .from('conversation_messages', 'm')
      .addSelect(['v."channel" AS channel', 'k."number" AS "ticketNumber"'])
      .innerJoin('conversations', 'v', 'v."id" = m."conversationId"')
      .leftJoin('tickets', 'k', 'k."id" = v."ticketId"')
      .where(`m."kind" = 'text'`);
    this.inCompanies(qb, 'v', scope);
    this.matching(qb, 'messages', 'm', search);
    return qb.orderBy('m."createdAt"', 'DESC').addOrderBy('m."id"', 'DESC').limit(limit).getRawMany<MessageRow>();
  }

  private inCompanies(qb: SelectQueryBuilder<object>, alias: string, scope: SearchScope): void {
    if (scope.companyIds) qb.andWhere(`${alias}."companyId" IN (:...companyIds)`, { companyIds: scope.companyIds });
  }

  private matching(qb: SelectQueryBuilder<object>, name: FullTextSourceName, alias: string, search: SearchText) {
    const match = fullTextMatch(this.driver, name, 'raw', alias, search);
    qb.andWhere(match.where, match.params);
  }
}
