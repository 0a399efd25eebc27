import { Injectable } from '@nestjs/common';
import { CompanyService, ContactService, DeviceService, type AccountPrincipal } from '@switchboard/core';
import { TicketQueryService } from '@switchboard/tickets';
import type { ContactOverviewDto } from '../dto/contact-overview-view.dto.js';
import { CaseRepository } from '../repositories/case.repository.js';

const RECENT = 10;

/**
 * The ticket sidebar's picture of a requester: contact, company, their newest tickets, chats
 * (portal cases) and devices. Lives here because cases sit above both tickets and chat; the
 * contact read is the permission check (404 outside the viewer's companies), masking is the
 * global interceptor's (scoped by `companyId`).
 */
@Injectable()
export class ContactOverviewService {
  constructor(
    private readonly contacts: ContactService,
    private readonly companies: CompanyService,
    private readonly devices: DeviceService,
    private readonly tickets: TicketQueryService,
    private readonly cases: CaseRepository,
  ) {}

  async overview(contactId: string, me: AccountPrincipal): Promise<ContactOverviewDto> {
    const contact = await this.contacts.get(contactId, me);
    const [company, tickets, cases, devices] = await Promise.all([
      this.companies.get(contact.companyId, me).catch(() => null),
      this.tickets.list({ requester: contact.id, sort: '-updated', limit: RECENT }, me),
      this.cases.listByContact(contact.id, RECENT),
      this.devices.listForContact(contact.id),
    ]);
    return {
      companyId: contact.companyId,
      contact: {
        id: contact.id,
        companyId: contact.companyId,
        firstName: contact.firstName,
        lastName: contact.lastName,
        email: contact.email,
        phone: contact.phone,
      },
      company: company && { id: company.id, name: company.name },
      tickets: tickets.items.map((t) => ({
        number: t.number,
        title: t.title,
        status: t.status,
        statusCategory: t.statusCategory,
        updatedAt: t.updatedAt,
      })),
      chats: cases.map((c) => ({
        id: c.id,
        shortId: c.id.slice(-8),
        type: c.type,
        status: c.status,
        question: c.question,
        ticketNumber: c.ticketNumber,
        createdAt: c.createdAt.toISOString(),
      })),
      devices: devices
        .filter((d) => d.companyId === contact.companyId)
        .map((d) => ({ id: d.id, name: d.name, os: d.os, lastSeenAt: d.lastSeenAt })),
    };
  }
}
