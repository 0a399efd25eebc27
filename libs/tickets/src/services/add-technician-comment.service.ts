import { Injectable } from '@nestjs/common';
import { AccountPrincipal, ContactView, SettingsService, ValidationFailedError } from '@switchboard/core';
import { TicketEntity } from '../entities/ticket.entity.js';
import type { Visibility } from '../ticket.types.js';
import { CommentView } from '../ticket.views.js';
import { AutomationService } from './automation.service.js';
import { CommentAuthor, CommentWriter } from './comment.writer.js';
import { actorOf } from './ticket-activity.service.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import { TicketFinder } from './ticket-finder.service.js';
import type { TechnicianCommentInput } from './ticket-inputs.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** POST /api/tickets/:number/comments: a technician's public reply or internal note (with status on send, Cc, @notify). */
@Injectable()
export class AddTechnicianCommentService {
  constructor(
    private readonly writer: CommentWriter,
    private readonly applier: TicketChangeApplier,
    private readonly checker: TicketInputChecker,
    private readonly automation: AutomationService,
    private readonly finder: TicketFinder,
    private readonly work: TicketUnitOfWork,
    private readonly settings: SettingsService,
    private readonly views: TicketViewBuilder,
  ) {}

  async add(number: number, input: TechnicianCommentInput, me: AccountPrincipal): Promise<CommentView> {
    const attachments = await this.writer.attachments(input.attachmentIds, { kind: 'account', id: me.id });
    const probe = await this.finder.get(number, me);
    const visibility = input.visibility ?? (await this.settings.get('tickets.defaultReplyType', probe.companyId));
    const notify = [...new Set(input.notify ?? [])];
    if (notify.length && visibility !== 'internal') {
      throw new ValidationFailedError('@notify is for internal notes', {
        notify: ['notify is only allowed on internal notes'],
      });
    }
    await this.checker.technicians(notify, 'notify', probe.companyId);
    const requester = await this.checker.requesterOf(probe);
    // Ingest mode: masked before it is stored, mailed, notified or published.
    const body = this.writer.mask(input.body, probe.companyId);
    const cs = await this.work.onTicket(number, me, async (set, tx) => {
      const ticket = set.ticket;
      // Status on send and Cc additions are ordinary field changes (activity, automation).
      await this.applier.apply(
        set,
        {
          status: input.status,
          ...(input.cc?.length ? { cc: await this.checker.mergeCc(ticket.cc, input.cc, ticket.companyId) } : {}),
        },
        actorOf(me),
        me,
        tx,
      );
      const author = attributeTechnician(ticket, me, requester, visibility);
      const comment = this.writer.add(set, {
        visibility,
        body,
        author,
        source: 'web',
        truncated: false,
        cc: input.cc ?? [],
        notify,
        attachments,
      });
      await this.writer.attachFiles(
        attachments.map((a) => a.id),
        'ticket-comment',
        comment,
        ticket,
        tx,
      );
      if (author.kind === 'contact') await this.writer.afterContactMessage(set, tx);
      else if (visibility === 'public') await this.writer.afterTechnicianReply(set, comment, tx);
      if (set.statusChange && set.statusChange.actor.kind === 'account')
        await this.automation.run('status.changed', set, tx);
      if (notify.length) {
        set.notifications.push({
          accountIds: notify.filter((id) => id !== me.id),
          input: {
            title: `${me.name} mentioned you on #${ticket.number}`,
            body: `${ticket.title}\n\n${body.slice(0, 500)}`,
            link: `/tickets/${ticket.number}`,
            companyId: ticket.companyId,
          },
          email: true,
        });
      }
      await this.writer.finish(set, tx);
    });
    return (await this.views.comments([cs.comments[0]], number))[0];
  }
}

/** A technician who is also this ticket's requester (and not its assignee) writes publicly as the contact. */
function attributeTechnician(
  ticket: TicketEntity,
  me: AccountPrincipal,
  requester: ContactView | undefined,
  visibility: Visibility,
): CommentAuthor {
  const sameEmail = !!requester?.email && requester.email.trim().toLowerCase() === me.email.trim().toLowerCase();
  if (visibility === 'public' && sameEmail && ticket.assigneeId !== me.id) {
    return { kind: 'contact', id: requester!.id, name: `${requester!.firstName} ${requester!.lastName}`.trim() };
  }
  return { kind: 'account', id: me.id, name: me.name };
}
