// Actions → Merge: find the ticket to merge into by number or title (same company, not merged
// itself), pick it in a listbox (arrows + Enter, or a click), then merge (POST /api/tickets/:n/merge).
import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { ticketsApi } from '../../lib/tickets.api';
import type { Ticket } from '../../lib/tickets.types';
import { tat } from '../../lib/ticket-actions.i18n';
import { FormDialog } from '../form-dialog.component';

interface Props {
  open: boolean;
  ticket: Ticket;
  onClose(): void;
  onMerged(into: number): void;
}

const SEARCH_DELAY_MS = 250;

export function MergeTicketDialog({ open, ticket, onClose, onMerged }: Props) {
  const uid = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Ticket[] | null>(null);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<Ticket | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setText('');
    setResults(null);
    setPicked(null);
    setError(null);
  }, [open]);

  // Search as the user types (debounced); a number also finds that ticket directly.
  useEffect(() => {
    const q = text.trim().replace(/^#/, '');
    if (!open || !q) return setResults(null);
    let stale = false;
    const timer = setTimeout(async () => {
      const byNumber = /^\d{1,9}$/.test(q)
        ? ticketsApi.get(Number(q)).then(
            (t) => [t],
            () => [],
          )
        : Promise.resolve([]);
      const byText = ticketsApi.list({ q, company: ticket.companyId, sort: '-updated' }, null, 10).then(
        (p) => p.items,
        () => [] as Ticket[],
      );
      const [a, b] = await Promise.all([byNumber, byText]);
      if (stale) return;
      const seen = new Set<number>();
      const list = [...a, ...b].filter(
        (t) =>
          t.number !== ticket.number &&
          t.companyId === ticket.companyId &&
          !t.mergedInto &&
          !seen.has(t.number) &&
          seen.add(t.number),
      );
      setResults(list);
      setActive(0);
    }, SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, open]);

  const submit = async () => {
    if (!picked) return setError(tat('mergePick'));
    setBusy(true);
    setError(null);
    try {
      await ticketsApi.merge(ticket.number, picked.number);
      onMerged(picked.number);
    } catch (err) {
      setError(tat('failed', { message: err instanceof ApiError ? err.message : tat('networkError') }));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!results?.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + results.length) % results.length);
    } else if (e.key === 'Enter' && results[active] && picked?.number !== results[active].number) {
      e.preventDefault(); // pick first; a second Enter submits
      setPicked(results[active]);
    }
  };

  const listId = `${uid}-results`;
  return (
    <FormDialog
      open={open}
      title={tat('mergeTitle', { number: ticket.number })}
      submitLabel={
        picked
          ? tat('mergeConfirm', { from: ticket.number, into: picked.number })
          : tat('mergeTitle', { number: ticket.number })
      }
      cancelLabel={tat('cancel')}
      busy={busy}
      canSubmit={!!picked}
      error={error}
      testId="merge-dialog"
      onSubmit={submit}
      onCancel={onClose}
    >
      <label class="field-label" for={`${uid}-q`}>
        {tat('mergeSearch')}
      </label>
      <input
        id={`${uid}-q`}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={!!results?.length}
        aria-controls={listId}
        aria-activedescendant={results?.[active] ? `${uid}-opt-${results[active].number}` : undefined}
        aria-describedby={`${uid}-hint`}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-testid="merge-search"
      />
      <p id={`${uid}-hint`} class="field-hint">
        {tat('mergeSearchHint')}
      </p>
      {results && results.length === 0 && (
        <p class="muted small" role="status" data-testid="merge-no-match">
          {tat('mergeNoMatch')}
        </p>
      )}
      {results && results.length > 0 && (
        <ul id={listId} class="picker-list merge-results" role="listbox" aria-label={tat('mergeResults')}>
          {results.map((t, i) => (
            <li
              key={t.number}
              id={`${uid}-opt-${t.number}`}
              role="option"
              aria-selected={picked?.number === t.number}
              class={`picker-option${i === active ? ' is-active' : ''}${picked?.number === t.number ? ' is-picked' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                setPicked(t);
              }}
              data-testid="merge-result"
              data-number={t.number}
            >
              <span class="mono">#{t.number}</span> <span>{t.title}</span>
            </li>
          ))}
        </ul>
      )}
    </FormDialog>
  );
}
