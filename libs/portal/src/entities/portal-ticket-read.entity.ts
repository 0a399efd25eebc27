import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a contact last opened a ticket in the portal (the list's unread marker). */
@Entity('portal_ticket_reads')
export class PortalTicketReadEntity {
  /** `<contactId>:<ticket number>`. */
  @PrimaryColumn('varchar', { length: 60 })
  id: string;

  @Column({ ...DATE_COLUMN })
  readAt: Date;
}
