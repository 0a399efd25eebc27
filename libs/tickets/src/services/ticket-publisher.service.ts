import { Injectable } from '@nestjs/common';
import { DomainEventBus, RealtimeService } from '@switchboard/core';
import { NotificationService } from '@switchboard/notify';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketMailer } from './ticket-mailer.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** After commit: sockets, public domain events, notifications and mail for one change set. */
@Injectable()
export class TicketPublisher {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly events: DomainEventBus,
    private readonly notifications: NotificationService,
    private readonly mailer: TicketMailer,
    private readonly views: TicketViewBuilder,
  ) {}

  async publish(cs: TicketChangeSet): Promise<void> {
    if (!cs.touched) return;
    const t = cs.ticket;
    const view = await this.views.ticket(t, cs.knownContacts);
    const room = TicketRooms.ticket(t.number);
    const ids = { ticketId: t.id, number: t.number, companyId: t.companyId };
    if (cs.created) {
      this.realtime.emit('agent', TicketRooms.list(t.companyId), 'ticket.created', { ticket: view });
    } else {
      this.realtime.emit('agent', [...TicketRooms.list(t.companyId), room], 'ticket.updated', {
        ticket: view,
        changes: [...cs.changes],
      });
    }
    const comments = await this.views.comments(cs.comments, t.number, cs.knownContacts);
    // companyId: the masking scope of the payload (RealtimeService masks what goes to technicians).
    for (const comment of comments)
      this.realtime.emit('agent', room, 'ticket.comment', { number: t.number, companyId: t.companyId, comment });
    for (const a of cs.activities)
      this.realtime.emit('agent', room, 'ticket.activity', {
        number: t.number,
        companyId: t.companyId,
        activity: this.views.activity(a, t.number),
      });

    if (cs.created) {
      await this.events.publish('ticket.created', {
        ...ids,
        requesterId: t.requesterId,
        status: t.status,
        priority: t.priority,
        type: t.type,
        source: t.source,
      });
    } else if (cs.changes.size) {
      await this.events.publish('ticket.updated', { ...ids, changes: [...cs.changes].sort() });
    }
    // The end users to tell (portal), from the ticket as committed: nobody reads it again for that.
    const told = (reason: 'comment' | 'status') =>
      this.events.publish('ticket.end-users.told', {
        number: t.number,
        companyId: t.companyId,
        contactIds: [...new Set([t.requesterId, ...t.cc.filter((c) => c.kind === 'contact').map((c) => c.id)])].filter(
          (id): id is string => !!id,
        ),
        reason,
      });
    if (cs.statusChange) {
      await this.events.publish('ticket.status.changed', {
        ...ids,
        from: cs.statusChange.from,
        to: cs.statusChange.to,
        actorKind: cs.statusChange.actor.kind,
      });
      await told('status');
    }
    for (const c of cs.comments) {
      await this.events.publish('ticket.comment.added', {
        ...ids,
        commentId: c.id,
        visibility: c.visibility,
        authorKind: c.authorKind,
        source: c.source,
        body: c.body,
        truncated: c.truncated,
      });
      if (c.visibility === 'public') await told('comment');
    }
    for (const n of cs.notifications) await this.notifications.notify(n.accountIds, n.input, { email: n.email });
    await this.mailer.send(cs);
  }
}
