import { Injectable } from '@nestjs/common';
import { AccountPrincipal, Page, PageQuery } from '@switchboard/core';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { CommentView } from '../ticket.views.js';
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

  /** The conversation as an end user may see it (portal, exports): public comments only, ever. */
  async listForEndUser(number: number, query: PageQuery = {}): Promise<Page<CommentView>> {
    const ticket = await this.finder.get(number);
    const page = await this.comments.listForTicket(ticket.id, query, true);
    return { items: await this.views.comments(page.items, number), nextCursor: page.nextCursor };
  }
}
