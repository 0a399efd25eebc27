import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { BaseRepository, Tx } from '@switchboard/core';
import { NotificationEntity } from './notification.entity.js';

@Injectable()
export class NotificationRepository extends BaseRepository<NotificationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, NotificationEntity);
  }

  async insertMany(rows: NotificationEntity[], tx?: Tx): Promise<void> {
    if (rows.length) await this.repo(tx).insert(rows);
  }

  /**
   * Unread first, then newest first. The cursor encodes (read flag, id) so paging stays keyset:
   * `u:<id>` while in the unread part, `r:<id>` in the read part.
   */
  async listForAccount(
    accountId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: NotificationEntity[]; nextCursor: string | null }> {
    const [part, lastId] = cursor ? (cursor.split(':') as ['u' | 'r', string]) : ['u' as const, undefined];
    const out: NotificationEntity[] = [];
    if (part === 'u') {
      const qb = this.repo()
        .createQueryBuilder('n')
        .where('n.accountId = :accountId AND n.readAt IS NULL', { accountId });
      if (lastId) qb.andWhere('n.id < :lastId', { lastId });
      out.push(
        ...(await qb
          .orderBy('n.id', 'DESC')
          .take(limit + 1)
          .getMany()),
      );
    }
    if (out.length <= limit) {
      const qb = this.repo()
        .createQueryBuilder('n')
        .where('n.accountId = :accountId AND n.readAt IS NOT NULL', { accountId });
      if (part === 'r' && lastId) qb.andWhere('n.id < :lastId', { lastId });
      out.push(
        ...(await qb
          .orderBy('n.id', 'DESC')
          .take(limit + 1 - out.length)
          .getMany()),
      );
    }
    const more = out.length > limit;
    if (more) out.pop();
    const last = out[out.length - 1];
    return { items: out, nextCursor: more && last ? `${last.readAt ? 'r' : 'u'}:${last.id}` : null };
  }

  countUnread(accountId: string): Promise<number> {
    return this.repo().countBy({ accountId, readAt: IsNull() });
  }

  findOwned(id: string, accountId: string): Promise<NotificationEntity | null> {
    return this.repo().findOneBy({ id, accountId });
  }

  async markAllRead(accountId: string, at: Date): Promise<number> {
    const result = await this.repo().update({ accountId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }
}
