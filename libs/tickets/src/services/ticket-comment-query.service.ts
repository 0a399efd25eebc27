import { Injectable } from '@nestjs/common';
import { AccountPrincipal, Page, PageQuery } from '@switchboard/core';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { CommentView, TicketView } from '../ticket.views.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** Reading a ticket's conversation: all of it for a technician, the public part for an end user. */
@Injectable()
export class TicketCommentQueryService {
  constructor(
    private readonly finder: TicketFinder,
    private readonly comments: TicketCommentRepository,
    private readonly views: TicketViewBuilder,
  ) {}

  async list(
    number: number,
    query: PageQuery,
    me: AccountPrincipal,
  ): Promise<Page<CommentView> & { companyId: string }> {
    const ticket = await this.finder.get(number, me);
    const page = await this.comments.listForTicket(ticket.id, query);
    // companyId: the masking scope of the page.
    return {
      items: await this.views.comments(page.items, number),
      nextCursor: page.nextCursor,
      companyId: ticket.companyId,
    };
  }

  /**
   * The ticket and its latest public conversation, oldest first, for a technician who may see the
   * ticket (AI compose: what a reply answers; internal notes are never part of it). Unmasked: the
   * caller masks for its own audience.
   */
  async latestPublic(
    number: number,
    limit: number,
    me: AccountPrincipal,
  ): Promise<{ ticket: TicketView; comments: CommentView[] }> {
    const ticket = await this.finder.get(number, me);
    const latest = (await this.comments.latestPublic(ticket.id, limit)).reverse();
    return { ticket: await this.views.ticket(ticket), comments: await this.views.comments(latest, number) };
  }

  /** The conversation as an end user may see it (portal, exports): public comments only, ever. */
  async listForEndUser(number: number, query: PageQuery = {}): Promise<Page<CommentView>> {
    const ticket = await this.finder.get(number);
    const page = await this.comments.listForTicket(ticket.id, query, true);
    return { items: await this.views.comments(page.items, number), nextCursor: page.nextCursor };
  }
}
