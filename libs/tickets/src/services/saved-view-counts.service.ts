import { Injectable } from '@nestjs/common';
import { AppConfig, type AccountPrincipal } from '@switchboard/core';
import { SavedViewRepository } from '../repositories/saved-view.repository.js';
import { BUILT_IN_VIEWS } from '../views/saved-view.filters.js';
import { savedViewView, SavedViewView, SavedViewWithCount } from '../views/saved-view.view.js';
import { TicketQueryService } from './ticket-query.service.js';

/**
 * The view strip of the ticket list: the built-in views and the caller's own, each with how many
 * tickets the list would show for the caller (same query as the list: company scope, masking).
 * Counts stop at SWITCHBOARD_VIEW_COUNT_LIMIT (`countCapped`: "1000+"), so the strip costs the
 * same at a million tickets as at a thousand (#20: a full COUNT of a large view read 100,000s of rows).
 */
@Injectable()
export class SavedViewCountsService {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly tickets: TicketQueryService,
    private readonly config: AppConfig,
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
    const limit = this.config.viewCountLimit;
    const counts: number[] = [];
    for (const v of all) counts.push(await this.tickets.count(v.filters, me, limit));
    return all.map((v, i) => ({ ...v, count: Math.min(counts[i], limit), countCapped: counts[i] > limit }));
  }
}
