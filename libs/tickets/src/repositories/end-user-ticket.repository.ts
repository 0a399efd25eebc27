import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { Brackets, DataSource } from 'typeorm';
import { TicketEntity } from '../entities/ticket.entity.js';

/** How many tickets the portal list shows at most (newest activity first within each group). */
export const END_USER_LIST_LIMIT = 200;

/** The tickets an end user may see: requester or in Cc, in one company. */
@Injectable()
export class EndUserTicketRepository extends BaseRepository<TicketEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TicketEntity);
  }

  /**
   * Candidates by requester, or whose Cc text mentions the contact's id (jsonb and simple-json both
   * read as text); the caller keeps only exact `{ kind: 'contact', id }` entries.
   */
  async candidates(contactId: string, companyId: string): Promise<TicketEntity[]> {
    const rows = await this.repo()
      .createQueryBuilder('t')
      .where('t.companyId = :companyId', { companyId })
      .andWhere(
        new Brackets((w) =>
          w
            .where('t.requesterId = :contactId', { contactId })
            .orWhere('CAST(t.cc AS TEXT) LIKE :pattern', { pattern: `%${contactId}%` }),
        ),
      )
      .orderBy('t.updatedAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(END_USER_LIST_LIMIT)
      .getMany();
    return rows.filter((t) => endUserMayRead(t, contactId, companyId));
  }
}

/** The one rule: requester or a contact in Cc, in the ticket's own company. */
export function endUserMayRead(
  t: Pick<TicketEntity, 'companyId' | 'requesterId' | 'cc'>,
  contactId: string,
  companyId: string,
): boolean {
  if (t.companyId !== companyId) return false;
  return t.requesterId === contactId || (t.cc ?? []).some((c) => c.kind === 'contact' && c.id === contactId);
}
