import { Injectable } from '@nestjs/common';
import { AccountPrincipal, Clock, ConflictError, newId, NotFoundError } from '@switchboard/core';
import { SavedViewEntity } from '../entities/saved-view.entity.js';
import { SavedViewRepository } from '../repositories/saved-view.repository.js';
import { normalizeFilters, SavedViewFilters } from '../views/saved-view.filters.js';
import { savedViewView, SavedViewView } from '../views/saved-view.view.js';

/** Each saved view is one COUNT per GET /api/ticket-views: a cap keeps that request cheap. */
export const MAX_SAVED_VIEWS = 30;

export interface SavedViewInput {
  name?: string;
  filters?: SavedViewFilters;
  position?: number;
}

/** A technician's own saved views: save, rename/refilter/reorder, delete. Another account's is a 404. */
@Injectable()
export class SavedViewService {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: { name: string; filters: SavedViewFilters }, me: AccountPrincipal): Promise<SavedViewView> {
    if ((await this.views.countOfAccount(me.id)) >= MAX_SAVED_VIEWS)
      throw new ConflictError(`At most ${MAX_SAVED_VIEWS} saved views per account: delete one first`);
    const view = Object.assign(new SavedViewEntity(), {
      id: newId(),
      accountId: me.id,
      name: input.name.trim(),
      filters: normalizeFilters(input.filters),
      position: await this.views.nextPosition(me.id),
      createdAt: this.clock.now(),
    });
    await this.views.insert(view);
    return savedViewView(view);
  }

  async update(id: string, input: SavedViewInput, me: AccountPrincipal): Promise<SavedViewView> {
    const view = await this.own(id, me);
    if (input.name !== undefined) view.name = input.name.trim();
    if (input.filters !== undefined) view.filters = normalizeFilters(input.filters);
    if (input.position !== undefined) view.position = input.position;
    await this.views.save(view);
    return savedViewView(view);
  }

  async remove(id: string, me: AccountPrincipal): Promise<void> {
    await this.own(id, me);
    await this.views.deleteById(id);
  }

  private async own(id: string, me: AccountPrincipal): Promise<SavedViewEntity> {
    const view = await this.views.findOwn(id, me.id);
    if (!view) throw new NotFoundError('Ticket view', id);
    return view;
  }
}
