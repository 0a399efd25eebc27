// Saved views of the ticket list (#15): the built-in views and the technician's own, each with its
// ticket count. Clicking one applies its filters; the active one is `?view=` in the URL (so a link or
// a reload keeps it) until the filters are changed by hand. Counts follow the list's live events.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDismiss } from '../../lib/dismiss.hook';
import { useLiveEvent } from '../../lib/live.context';
import { tui, type TicketUiStrings } from '../../lib/ticket-ui.i18n';
import { ticketViewsApi, type SavedViewFilters, type TicketViewItem } from '../../lib/ticket-views.api';
import type { TicketFilters } from '../../lib/tickets.types';
import { lazyChunk, useOnceTrue } from '../lazy-chunk.component';
import type { ViewDialog } from './ticket-view-dialogs.component';
import { EMPTY_FILTERS } from './ticket-filters.component';
import './ticket-views.css';

// Save / rename / delete dialogs: a chunk fetched when one first opens (#16's first-load budget).
const TicketViewDialogs = lazyChunk(() => import('./ticket-view-dialogs.component').then((m) => m.TicketViewDialogs));

interface Props {
  filters: TicketFilters;
  onApply(filters: TicketFilters): void;
}

const BUILT_IN_NAMES: Record<string, keyof TicketUiStrings> = {
  mine: 'viewMine',
  unassigned: 'viewUnassigned',
  waiting: 'viewWaiting',
  open: 'viewOpen',
};

/** Many live events in a burst (a bulk change, an import) make one refetch. */
const REFRESH_DEBOUNCE_MS = 600;

const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof TicketFilters)[];

export const viewName = (v: TicketViewItem): string =>
  v.builtIn && BUILT_IN_NAMES[v.id] ? tui(BUILT_IN_NAMES[v.id]) : v.name;

/** What a view saves: the set filters; the sort only when it is not the default. */
function toSaved(f: TicketFilters): SavedViewFilters {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) if (f[k] && f[k] !== EMPTY_FILTERS[k]) out[k] = f[k];
  return out as SavedViewFilters;
}

/** The list filters a view stands for; a view without a sort keeps the list's current one. */
function toFilters(v: TicketViewItem, sort: string): TicketFilters {
  return { ...EMPTY_FILTERS, sort, ...(v.filters as Partial<TicketFilters>) };
}

/** Same tickets (the sort is only the order, so it does not take the view off). */
function sameFilters(v: TicketViewItem, f: TicketFilters): boolean {
  const want = toFilters(v, f.sort);
  return FILTER_KEYS.every((k) => k === 'sort' || (want[k] ?? '') === (f[k] ?? ''));
}

function viewFromUrl(): string | null {
  return new URLSearchParams(location.search).get('view');
}

function viewToUrl(id: string | null): void {
  const q = new URLSearchParams(location.search);
  if (id) q.set('view', id);
  else q.delete('view');
  const s = q.toString();
  history.replaceState(null, '', s ? `${location.pathname}?${s}` : location.pathname);
}

export function TicketViews({ filters, onApply }: Props) {
  const [views, setViews] = useState<TicketViewItem[] | null>(null);
  const [error, setError] = useState(false);
  const [active, setActive] = useState<string | null>(viewFromUrl);
  const [dialog, setDialog] = useState<ViewDialog | null>(null);
  const dialogsWanted = useOnceTrue(dialog !== null);
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const applied = useRef(false);

  const load = async () => {
    const gen = ++generation.current;
    try {
      const list = await ticketViewsApi.list();
      if (gen !== generation.current) return;
      setViews(list);
      setError(false);
    } catch {
      if (gen === generation.current) setError(true);
    }
  };

  useEffect(() => {
    void load();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const refreshSoon = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), REFRESH_DEBOUNCE_MS);
  };
  // The events the list itself follows: any of them may move a ticket in or out of a view.
  useLiveEvent('ticket.created', refreshSoon);
  useLiveEvent('ticket.updated', refreshSoon);
  useLiveEvent('ticket.deleted', refreshSoon);
  useLiveEvent('access.changed', refreshSoon);

  const select = (id: string | null) => {
    setActive(id);
    viewToUrl(id);
  };

  // A link or reload with ?view=: apply that view once the views are known. Afterwards, filters
  // changed by hand take the view off (it no longer describes the list).
  useEffect(() => {
    if (!views || !active) return;
    const view = views.find((v) => v.id === active);
    if (!applied.current) {
      applied.current = true;
      if (view && !sameFilters(view, filters)) return onApply(toFilters(view, filters.sort));
    }
    if (!view || !sameFilters(view, filters)) select(null);
  }, [views, filters]);

  const apply = (v: TicketViewItem) => {
    applied.current = true;
    select(v.id);
    onApply(toFilters(v, v.filters.sort ?? filters.sort));
  };

  const saved = async (id: string) => {
    setDialog(null);
    await load();
    select(id);
  };

  return (
    <nav class="ticket-views" aria-label={tui('views')} data-testid="ticket-views">
      <ul class="ticket-views-list">
        {(views ?? []).map((v) => (
          <li key={v.id} class="ticket-views-entry">
            <button
              type="button"
              class={`ticket-view${v.id === active ? ' is-active' : ''}`}
              aria-current={v.id === active ? 'true' : undefined}
              onClick={() => apply(v)}
              data-testid="ticket-view"
              data-view={v.id}
            >
              <span class="ticket-view-name">{viewName(v)}</span>
              <span class="ticket-view-count" data-testid="ticket-view-count">
                {/* Counts stop at the server's limit: "1000+" (the exact figure would cost a full scan). */}
                <span aria-hidden="true">
                  {v.countCapped ? tui('viewCountShortMore', { count: v.count }) : v.count}
                </span>
                <span class="visually-hidden">
                  {tui(v.countCapped ? 'viewCountMore' : 'viewCount', { count: v.count })}
                </span>
              </span>
            </button>
            {!v.builtIn && (
              <ViewMenu
                view={v}
                onRename={() => setDialog({ kind: 'rename', view: v })}
                onDelete={() => setDialog({ kind: 'delete', view: v })}
              />
            )}
          </li>
        ))}
        <li>
          <button
            type="button"
            class="btn btn-ghost btn-sm ticket-views-save"
            onClick={() => setDialog({ kind: 'save' })}
            data-testid="save-view"
          >
            {tui('saveView')}
          </button>
        </li>
      </ul>
      {error && (
        <span class="form-error small" role="alert" data-testid="ticket-views-error">
          {tui('viewsError')}
        </span>
      )}

      {dialogsWanted && (
        <TicketViewDialogs
          dialog={dialog}
          onCancel={() => setDialog(null)}
          onCreate={async (name) => saved((await ticketViewsApi.create(name, toSaved(filters))).id)}
          onRename={async (id, name) => {
            await ticketViewsApi.rename(id, name);
            setDialog(null);
            await load();
          }}
          onDeleted={async (id) => {
            setDialog(null);
            if (id === active) select(null);
            await load();
          }}
        />
      )}
    </nav>
  );
}

/** "⋯" next to a custom view: Rename, Delete (menu button pattern, Escape/outside click closes). */
function ViewMenu({ view, onRename, onDelete }: { view: TicketViewItem; onRename(): void; onDelete(): void }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useDismiss(open, wrap, button, () => setOpen(false));
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const onMenuKey = (e: KeyboardEvent) => {
    const list = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      list[(i + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };
  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };
  const menuId = `view-menu-${view.id}`;
  return (
    <div class="ticket-view-menu" ref={wrap}>
      <button
        ref={button}
        type="button"
        class="ticket-view-more"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={tui('viewOptions', { name: view.name })}
        onClick={() => setOpen(!open)}
        data-testid="ticket-view-menu"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} class="panel ticket-view-menu-panel" role="menu" onKeyDown={onMenuKey}>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              class="ticket-action-item"
              aria-label={tui('renameView', { name: view.name })}
              onClick={() => choose(onRename)}
              data-testid="ticket-view-rename"
            >
              {tui('rename')}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              class="ticket-action-item is-danger"
              aria-label={tui('deleteView', { name: view.name })}
              onClick={() => choose(onDelete)}
              data-testid="ticket-view-delete"
            >
              {tui('remove')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
