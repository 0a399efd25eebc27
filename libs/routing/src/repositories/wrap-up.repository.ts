import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '@switchboard/core';
import { DataSource, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { WrapUpEntity } from '../entities/wrap-up.entity.js';

/** Agents' wrap-ups. One open per agent and conversation (unique `openKey`); submitting is one guarded UPDATE. */
@Injectable()
export class WrapUpRepository extends BaseRepository<WrapUpEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, WrapUpEntity);
  }

  static openKey(conversationId: string, accountId: string): string {
    return `${conversationId}:${accountId}`;
  }

  findOpen(conversationId: string, accountId: string, tx?: Tx): Promise<WrapUpEntity | null> {
    return this.repo(tx).findOneBy({ openKey: WrapUpRepository.openKey(conversationId, accountId) });
  }

  /** Inserts the open wrap-up unless one is open already for its agent and conversation (the unique openKey); true when inserted. */
  async insertIfNew(row: WrapUpEntity, tx?: Tx): Promise<boolean> {
    return (await this.insertRows([row], tx, { orIgnore: true })) === 1;
  }

  /** The agent's open wrap-ups, oldest first (the web shows the dialog for each after a reload). */
  pendingFor(accountId: string): Promise<WrapUpEntity[]> {
    return this.repo().find({ where: { accountId, wrappedAt: IsNull() }, order: { openedAt: 'ASC' } });
  }

  /** Open → submitted; false when it was submitted meanwhile (a second tab, another instance). */
  async submit(
    id: string,
    set: Pick<WrapUpEntity, 'reasonId' | 'reasonLabel' | 'note' | 'wrappedAt'>,
    tx?: Tx,
  ): Promise<boolean> {
    const r = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ ...set, openKey: null })
      .where('id = :id AND "wrappedAt" IS NULL', { id })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  /** The wrap-ups submitted since `since` in these queues (the board's handle times and reasons). */
  wrappedSince(queueIds: string[], since: Date): Promise<WrapUpEntity[]> {
    if (!queueIds.length) return Promise.resolve([]);
    return this.repo().find({
      where: { queueId: In(queueIds), wrappedAt: MoreThanOrEqual(since) },
      select: { id: true, queueId: true, reasonLabel: true, openedAt: true, acceptedAt: true },
    });
  }
}
