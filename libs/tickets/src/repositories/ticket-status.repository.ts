import { Injectable } from '@nestjs/common';
import { BaseRepository, forgetReads, inOpenReadScope, memoRead } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { Tx } from '@switchboard/core';

const STATUSES = 'ticket-statuses';

@Injectable()
export class TicketStatusRepository extends BaseRepository<TicketStatusEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TicketStatusEntity);
  }

  /** Copies in a read scope (one inbound message reads the few statuses once): callers may change what they get. */
  async all(tx?: Tx): Promise<TicketStatusEntity[]> {
    const rows = await memoRead(STATUSES, () => this.repo(tx).find({ order: { position: 'ASC', createdAt: 'ASC' } }));
    return inOpenReadScope() ? rows.map((r) => Object.assign(new TicketStatusEntity(), r)) : rows;
  }

  async findByKey(key: string, tx?: Tx): Promise<TicketStatusEntity | null> {
    if (inOpenReadScope()) return (await this.all(tx)).find((s) => s.key === key) ?? null;
    return this.repo(tx).findOneBy({ key });
  }

  // A status written inside a read scope: the scope's next read sees it.
  override async insert(entity: TicketStatusEntity, tx?: Tx): Promise<TicketStatusEntity> {
    forgetReads(STATUSES);
    return super.insert(entity, tx);
  }

  override async save(entity: TicketStatusEntity, tx?: Tx): Promise<TicketStatusEntity> {
    forgetReads(STATUSES);
    return super.save(entity, tx);
  }

  override async deleteById(id: string, tx?: Tx): Promise<boolean> {
    forgetReads(STATUSES);
    return super.deleteById(id, tx);
  }

  /** Idempotent and race-free when two instances boot at once (INSERT OR IGNORE / ON CONFLICT DO NOTHING). */
  async insertIfMissing(rows: TicketStatusEntity[]): Promise<void> {
    await this.repo().createQueryBuilder().insert().into(TicketStatusEntity).values(rows).orIgnore().execute();
  }
}
