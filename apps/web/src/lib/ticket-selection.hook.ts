// The ticket list's row selection (#15 bulk actions), by ticket id. Its own hook so the list's
// other features (keyboard shortcuts: x toggles the focused row) drive the same selection.
import { useCallback, useMemo, useState } from 'preact/hooks';

export interface TicketSelection {
  /** Selected ticket ids, in the order they were picked. */
  ids: string[];
  count: number;
  isSelected(id: string): boolean;
  toggle(id: string): void;
  /** Selects (on) or unselects every id given: the header's "select all on this page". */
  setMany(ids: string[], on: boolean): void;
  clear(): void;
}

export function useTicketSelection(): TicketSelection {
  const [ids, setIds] = useState<string[]>([]);
  const set = useMemo(() => new Set(ids), [ids]);
  const isSelected = useCallback((id: string) => set.has(id), [set]);
  const toggle = useCallback(
    (id: string) => setIds((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])),
    [],
  );
  const setMany = useCallback(
    (many: string[], on: boolean) =>
      setIds((list) => {
        if (!on) return list.filter((x) => !many.includes(x));
        const have = new Set(list);
        return [...list, ...many.filter((x) => !have.has(x))];
      }),
    [],
  );
  const clear = useCallback(() => setIds([]), []);
  return { ids, count: ids.length, isSelected, toggle, setMany, clear };
}
