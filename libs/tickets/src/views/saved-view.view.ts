import type { SavedViewEntity } from '../entities/saved-view.entity.js';
import { iso } from '../ticket.views.js';
import type { SavedViewFilters } from './saved-view.filters.js';

/** A view as it leaves the lib (REST): built-in ones have a key as id and no createdAt. */
export interface SavedViewView {
  id: string;
  name: string;
  builtIn: boolean;
  filters: SavedViewFilters;
  position: number;
  createdAt: string | null;
}

export interface SavedViewWithCount extends SavedViewView {
  count: number;
  /** More tickets than `count` match (counts stop at the configured limit). */
  countCapped: boolean;
}

export const savedViewView = (v: SavedViewEntity): SavedViewView => ({
  id: v.id,
  name: v.name,
  builtIn: false,
  filters: v.filters,
  position: v.position,
  createdAt: iso(v.createdAt),
});
