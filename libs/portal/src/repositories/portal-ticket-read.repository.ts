import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import { PortalTicketReadEntity } from '../entities/portal-ticket-read.entity.js';

@Injectable()
export class PortalTicketReadRepository extends BaseRepository<PortalTicketReadEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PortalTicketReadEntity);
  }

  static key(contactId: string, number: number): string {
    return `${contactId}:${number}`;
  }

  async markRead(contactId: string, number: number, at: Date): Promise<void> {
    await this.repo().upsert({ id: PortalTicketReadRepository.key(contactId, number), readAt: at }, ['id']);
  }

  /** Ticket number → when the contact last opened it. */
  async readTimes(contactId: string, numbers: number[]): Promise<Map<number, Date>> {
    if (!numbers.length) return new Map();
    const rows = await this.repo().findBy({ id: In(numbers.map((n) => PortalTicketReadRepository.key(contactId, n))) });
    return new Map(rows.map((r) => [Number(r.id.split(':')[1]), new Date(r.readAt)]));
  }
}
