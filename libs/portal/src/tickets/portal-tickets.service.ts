import { Injectable } from '@nestjs/common';
import { Clock, ContactService, SettingsService, type Language } from '@switchboard/core';
import { CsatSurveysService, EndUserTicketsService } from '@switchboard/tickets';
import type { PortalMeDto, PortalTicketDto, PortalTicketSummaryDto } from '../dto/portal-ticket.dto.js';
import { PortalTicketReadRepository } from '../repositories/portal-ticket-read.repository.js';
import { PortalService } from '../services/portal.service.js';
import type { PortalContact } from '../sign-in/portal-contact.decorator.js';
import { replyRule } from './portal-reply.rules.js';
import { portalSummary, portalTicket } from './portal-ticket.views.js';

const CATEGORY_ORDER = { open: 0, pending: 1, done: 2 } as const;

/** What a signed-in contact reads: who they are, their tickets (open first), one ticket (marked read). */
@Injectable()
export class PortalTicketsService {
  constructor(
    private readonly tickets: EndUserTicketsService,
    private readonly reads: PortalTicketReadRepository,
    private readonly contacts: ContactService,
    private readonly portals: PortalService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly csat: CsatSurveysService,
  ) {}

  async me(who: PortalContact): Promise<PortalMeDto> {
    const [contact, portal] = await Promise.all([
      this.contacts.get(who.contactId),
      this.portals.findById(who.portalId),
    ]);
    return {
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: contact.email ?? '',
      portal: portal?.name ?? '',
    };
  }

  async list(who: PortalContact): Promise<PortalTicketSummaryDto[]> {
    const [tickets, statuses] = await Promise.all([this.tickets.list(who), this.tickets.statusList()]);
    const reads = await this.reads.readTimes(
      who.contactId,
      tickets.map((t) => t.number),
    );
    return tickets
      .map((t) => portalSummary(t, statuses, reads.get(t.number)))
      .sort(
        (a, b) =>
          CATEGORY_ORDER[a.statusCategory] - CATEGORY_ORDER[b.statusCategory] || b.updatedAt.localeCompare(a.updatedAt),
      );
  }

  /** `language`: the portal page's, for the satisfaction question. */
  async get(who: PortalContact, number: number, language: Language = 'en'): Promise<PortalTicketDto> {
    const { ticket, comments } = await this.tickets.get(number, who);
    const statuses = await this.tickets.statusList();
    await this.reads.markRead(who.contactId, number, this.clock.now());
    const rule = replyRule(ticket, await this.settings.get('email.closedTicketReply'));
    const csat = await this.csat.forTicket(ticket.id, who.contactId, language);
    return portalTicket(ticket, comments, statuses, who.contactId, rule.allowed, csat);
  }
}
