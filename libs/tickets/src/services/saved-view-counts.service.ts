import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '@switchboard/core';
import { SavedViewRepository } from '../repositories/saved-view.repository.js';
import { BUILT_IN_VIEWS } from '../views/saved-view.filters.js';
import { savedViewView, SavedViewView, SavedViewWithCount } from '../views/saved-view.view.js';
import { TicketQueryService } from './ticket-query.service.js';

/**
 * The view strip of the ticket list: the built-in views and the caller's own, each with how many
 * tickets the list would show for the caller (same query as the list: company scope, masking).
 */
@Injectable()
export class SavedViewCountsService {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly tickets: TicketQueryService,
  ) {}

  async list(me: AccountPrincipal): Promise<SavedViewWithCount[]> {
    const builtIn: SavedViewView[] = BUILT_IN_VIEWS.map((v, i) => ({
      id: v.id,
      name: v.name,
      builtIn: true,
      filters: { ...v.filters },
      position: i,
      createdAt: null,
    }));
    const own = (await this.views.ofAccount(me.id)).map(savedViewView);
    const all = [...builtIn, ...own];
    // One COUNT per view, one after the other: SQLite has a single connection anyway, and on
    // PostgreSQL this keeps one request from taking a pool's worth of connections.
    const counts: number[] = [];
    for (const v of all) counts.push(await this.tickets.count(v.filters, me));
    return all.map((v, i) => ({ ...v, count: counts[i] }));
  }
}
