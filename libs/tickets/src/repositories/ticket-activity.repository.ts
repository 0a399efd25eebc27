import { Injectable } from '@nestjs/common';
import { BaseRepository, Page, PageQuery } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { TicketActivityEntity } from '../entities/ticket-activity.entity.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class TicketActivityRepository extends BaseRepository<TicketActivityEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TicketActivityEntity);
  }

  async insertMany(rows: TicketActivityEntity[], tx?: Tx): Promise<void> {
    await this.insertWithoutReload(rows, tx);
  }

  listForTicket(ticketId: string, query: PageQuery): Promise<Page<TicketActivityEntity>> {
    return this.page({ ticketId }, query);
  }
}
