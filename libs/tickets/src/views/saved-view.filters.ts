// The ticket-list filters a view holds: the list's query parameters minus paging (limit, cursor).
export const SAVED_VIEW_FILTER_KEYS = [
  'status',
  'assignee',
  'requester',
  'company',
  'type',
  'priority',
  'sentiment',
  'q',
  'sort',
] as const;

export type SavedViewFilterKey = (typeof SAVED_VIEW_FILTER_KEYS)[number];
export type SavedViewFilters = Partial<Record<SavedViewFilterKey, string>>;

/** Known keys with a non-empty value only (blank fields are "any", not a filter). */
export function normalizeFilters(input: SavedViewFilters): SavedViewFilters {
  const out: SavedViewFilters = {};
  for (const key of SAVED_VIEW_FILTER_KEYS) {
    const value: unknown = input[key];
    if (typeof value !== 'string') continue;
    const trimmed = key === 'q' ? value.trim() : value;
    if (trimmed) out[key] = trimmed;
  }
  return out;
}

/**
 * The built-in views. "Open" means not in the done category (resolved, closed and any admin status
 * filed under done); "Waiting on contact" is the pending category, the statuses that wait on the
 * requester (built-in "pending" and admin ones filed there), so no status key or id is hard-coded.
 */
export const BUILT_IN_VIEWS: { id: string; name: string; filters: SavedViewFilters }[] = [
  { id: 'mine', name: 'My open tickets', filters: { status: 'category:open,category:pending', assignee: 'me' } },
  { id: 'unassigned', name: 'Unassigned', filters: { status: 'category:open,category:pending', assignee: 'none' } },
  { id: 'waiting', name: 'Waiting on contact', filters: { status: 'category:pending' } },
  { id: 'open', name: 'All open', filters: { status: 'category:open,category:pending' } },
];
