// Ticket list shortcuts (#15): j/k move a marker between the rows, o opens the marked ticket (Enter
// does too: the marked row's link has the real focus, so screen readers follow the marker). The
// list page only attaches the returned ref to its table; the marker is the row's aria-current,
// which the (memoized) rows do not render themselves, so a row's re-render never clears it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from './router.hook';
import { usePageShortcuts } from './shortcuts.hook';

const ROW = 'tbody tr[data-number]';

/** `toggle`: x selects or unselects the marked row (the bulk bar's selection). */
export function useTicketListKeys(tickets: readonly { number: number }[], toggle?: (ticketNumber: number) => void) {
  const table = useRef<HTMLTableElement>(null);
  const [marked, setMarked] = useState<number | null>(null);

  const rows = () => [...(table.current?.querySelectorAll<HTMLTableRowElement>(ROW) ?? [])];
  // Start from the row that has the focus (Tab, a click) if any, else from the marker.
  const current = (list: HTMLTableRowElement[]) => {
    const focused = document.activeElement?.closest<HTMLTableRowElement>(ROW);
    if (focused && list.includes(focused)) return focused;
    return list.find((r) => Number(r.dataset.number) === marked);
  };

  const move = (delta: 1 | -1) => {
    const list = rows();
    if (!list.length) return;
    const from = current(list);
    const i = from ? Math.min(Math.max(list.indexOf(from) + delta, 0), list.length - 1) : 0;
    const row = list[i];
    setMarked(Number(row.dataset.number));
    row.scrollIntoView({ block: 'nearest' });
    row.querySelector<HTMLAnchorElement>('a[href]')?.focus({ preventScroll: true });
  };

  const open = () => {
    const row = current(rows());
    if (row) navigate(`/tickets/${row.dataset.number}`);
  };

  usePageShortcuts([
    { keys: ['j'], label: 'next', run: () => move(1) },
    { keys: ['k'], label: 'prev', run: () => move(-1) },
    { keys: ['o'], alsoKeys: ['Enter'], label: 'open', run: open },
    ...(toggle
      ? [
          {
            keys: ['x'],
            label: 'select' as const,
            run: () => {
              const row = current(rows());
              if (row) toggle(Number(row.dataset.number));
            },
          },
        ]
      : []),
  ]);

  // Rows come and go with filters and live updates: the marker follows its ticket.
  useEffect(() => {
    for (const row of rows()) {
      if (Number(row.dataset.number) === marked) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
  }, [marked, tickets]);

  return table;
}
