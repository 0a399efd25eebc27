import { Injectable } from '@nestjs/common';
import {
  AccountPrincipal,
  Clock,
  CompanyService,
  ContactLanguageService,
  ContactService,
  ForbiddenError,
  newId,
  NotFoundError,
} from '@switchboard/core';
import { QuickReplyEntity } from '../entities/quick-reply.entity.js';
import { QuickReplyRepository } from '../repositories/quick-reply.repository.js';
import { iso, QuickReplyView } from '../ticket.views.js';
import { assertKnownPlaceholders, renderTemplate } from './quick-reply-template.js';
import { TicketFinder } from './ticket-finder.service.js';

/** An optional French name as stored: blank means none. */
const frLabel = (value: string | null | undefined): string | null => value?.trim() || null;

/** An optional French text as stored: blank means none (kept as typed otherwise, like `body`). */
const frText = (value: string | null | undefined): string | null => (value?.trim() ? value : null);

const toView = (q: QuickReplyEntity): QuickReplyView => ({
  id: q.id,
  name: q.name,
  nameFr: q.nameFr ?? null,
  body: q.body,
  bodyFr: q.bodyFr ?? null,
  shared: q.ownerId === null,
  ownerId: q.ownerId,
  createdAt: iso(q.createdAt),
  updatedAt: iso(q.updatedAt),
});

/** Shared templates (admins maintain them) and personal ones (only their owner sees them). */
@Injectable()
export class QuickReplyService {
  constructor(
    private readonly replies: QuickReplyRepository,
    private readonly finder: TicketFinder,
    private readonly contacts: ContactService,
    private readonly companies: CompanyService,
    private readonly clock: Clock,
    private readonly languages: ContactLanguageService,
  ) {}

  async list(me: AccountPrincipal): Promise<QuickReplyView[]> {
    return (await this.replies.visibleTo(me.id)).map(toView);
  }

  async get(id: string, me: AccountPrincipal): Promise<QuickReplyView> {
    return toView(await this.load(id, me));
  }

  async create(
    input: { name: string; nameFr?: string | null; body: string; bodyFr?: string | null; shared?: boolean },
    me: AccountPrincipal,
  ): Promise<QuickReplyView> {
    if (input.shared && me.role !== 'admin') throw new ForbiddenError('Only admins create shared quick replies');
    assertKnownPlaceholders(input.body);
    if (input.bodyFr) assertKnownPlaceholders(input.bodyFr, 'bodyFr');
    const now = this.clock.now();
    const reply = Object.assign(new QuickReplyEntity(), {
      id: newId(),
      name: input.name.trim(),
      nameFr: frLabel(input.nameFr),
      body: input.body,
      bodyFr: frText(input.bodyFr),
      ownerId: input.shared ? null : me.id,
      createdAt: now,
      updatedAt: now,
    });
    await this.replies.insert(reply);
    return toView(reply);
  }

  async update(
    id: string,
    input: { name?: string; nameFr?: string | null; body?: string; bodyFr?: string | null },
    me: AccountPrincipal,
  ): Promise<QuickReplyView> {
    const reply = await this.loadWritable(id, me);
    if (input.body !== undefined) assertKnownPlaceholders(input.body);
    if (input.bodyFr) assertKnownPlaceholders(input.bodyFr, 'bodyFr');
    if (input.name !== undefined) reply.name = input.name.trim();
    if (input.nameFr !== undefined) reply.nameFr = frLabel(input.nameFr);
    if (input.body !== undefined) reply.body = input.body;
    if (input.bodyFr !== undefined) reply.bodyFr = frText(input.bodyFr);
    reply.updatedAt = this.clock.now();
    await this.replies.save(reply);
    return toView(reply);
  }

  async remove(id: string, me: AccountPrincipal): Promise<void> {
    await this.loadWritable(id, me);
    await this.replies.deleteById(id);
  }

  async render(id: string, ticketNumber: number, me: AccountPrincipal): Promise<{ text: string }> {
    const reply = await this.load(id, me);
    const ticket = await this.finder.get(ticketNumber, me);
    const [contact] = ticket.requesterId ? await this.contacts.getMany([ticket.requesterId]) : [];
    const company = await this.companies.get(ticket.companyId).catch(() => null);
    // The text the requester reads: French for a French reader when the template has it.
    const language = await this.languages.forContact(contact ?? null, ticket.companyId);
    const source = language === 'fr' && reply.bodyFr ? reply.bodyFr : reply.body;
    const text = renderTemplate(source, {
      contact: {
        firstName: contact?.firstName ?? '',
        lastName: contact?.lastName ?? '',
        name: contact ? `${contact.firstName} ${contact.lastName}`.trim() : '',
        email: contact?.email ?? '',
      },
      ticket: { number: ticket.number, title: ticket.title, status: ticket.status, priority: ticket.priority },
      technician: { name: me.name, email: me.email },
      company: { name: company?.name ?? '' },
    });
    return { text };
  }

  private async load(id: string, me: AccountPrincipal): Promise<QuickReplyEntity> {
    const reply = await this.replies.findById(id);
    // Someone else's personal template does not exist for you.
    if (!reply || (reply.ownerId !== null && reply.ownerId !== me.id)) throw new NotFoundError('Quick reply', id);
    return reply;
  }

  private async loadWritable(id: string, me: AccountPrincipal): Promise<QuickReplyEntity> {
    const reply = await this.load(id, me);
    if (reply.ownerId === null && me.role !== 'admin')
      throw new ForbiddenError('Only admins change shared quick replies');
    return reply;
  }
}
