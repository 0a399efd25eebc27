// The ticket list's bulk bar (#15): shown while rows are selected — "N selected", Status ▾,
// Assignee ▾, Priority ▾, Merge… and Clear. One POST /api/tickets/bulk per action; the server answers
// per ticket, so the message names what changed and each ticket that did not (and why). Merge…
// with several rows keeps one of them; with one row it opens Actions → Merge's ticket picker.
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { tui } from '../../lib/ticket-ui.i18n';
import type { TicketSelection } from '../../lib/ticket-selection.hook';
import { ticketsApi, type BulkChange, type BulkResult } from '../../lib/tickets.api';
import type { PersonRef, Ticket, TicketStatus } from '../../lib/tickets.types';
import { priorities } from '../../lib/format';
import { FormDialog } from '../form-dialog.component';
import { MergeTicketDialog } from './merge-ticket-dialog.component';
import { TicketBulkMenu } from './ticket-bulk-menu.component';
import { localLabel } from '../../lib/label';

interface Props {
  selection: TicketSelection;
  /** The rows of the list: the selection acts only on those still shown. */
  tickets: Ticket[];
  statuses: TicketStatus[];
  technicians: PersonRef[];
  /** After a change: the list reloads (the selection is already cleared). */
  onChanged(): void;
}

type Message = { text: string; failures: string | null };

export function TicketBulkBar({ selection, tickets, statuses, technicians, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [merging, setMerging] = useState(false);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const selected = useMemo(() => tickets.filter((t) => selection.isSelected(t.id)), [tickets, selection.ids]);
  const numbers = useMemo(() => new Map(tickets.map((t) => [t.id, t.number])), [tickets]);

  // A new selection starts a new round: the last outcome no longer describes it.
  useEffect(() => {
    if (selection.count) setMessage(null);
  }, [selection.count > 0]);

  /** Resolves to null once done, or to why the whole request was refused (nothing changed). */
  const run = async (change: Omit<BulkChange, 'ids'>): Promise<string | null> => {
    if (!selected.length || busy) return null;
    setBusy(true);
    setMessage(null);
    try {
      const { results } = await ticketsApi.bulk({ ...change, ids: selected.map((t) => t.id) } as BulkChange);
      setMessage(describe(change, results, numbers));
      selection.clear();
      onChanged();
      return null;
    } catch (err) {
      const reason = tui('bulkFailed', { message: err instanceof ApiError ? err.message : tui('bulkNetwork') });
      setMessage({ text: reason, failures: null });
      return reason;
    } finally {
      setBusy(false);
    }
  };

  const statusOptions = statuses.map((s) => ({ value: s.key, label: localLabel(s) }));
  const assigneeOptions = [
    { value: '', label: tui('bulkUnassigned') },
    ...technicians.map((p) => ({ value: p.id, label: p.name })),
  ];
  // The priority labels live in one catalogue (format.i18n.ts), as everywhere else.
  const priorityOptions = priorities().map(([value, label]) => ({ value, label }));

  return (
    <>
      {selected.length > 0 && (
        <div class="bulk-bar" role="group" aria-label={tui('bulkBar')} aria-busy={busy} data-testid="bulk-bar">
          <span class="bulk-count" data-testid="bulk-count">
            {busy ? tui('bulkWorking') : tui('selected', { count: selected.length })}
          </span>
          <TicketBulkMenu
            label={tui('bulkStatus')}
            options={statusOptions}
            disabled={busy}
            testId="bulk-status"
            onPick={(statusKey) => void run({ action: 'status', statusKey })}
          />
          <TicketBulkMenu
            label={tui('bulkAssignee')}
            options={assigneeOptions}
            disabled={busy}
            testId="bulk-assignee"
            onPick={(id) => void run({ action: 'assignee', assigneeId: id || null })}
          />
          <TicketBulkMenu
            label={tui('bulkPriority')}
            options={priorityOptions}
            disabled={busy}
            testId="bulk-priority"
            onPick={(priority) => void run({ action: 'priority', priority: priority as BulkChange['priority'] })}
          />
          {/* Several rows: keep one of them. One row: the ticket page's picker finds the ticket to merge into. */}
          <button
            type="button"
            class="btn btn-secondary btn-sm"
            disabled={busy}
            onClick={() => {
              setMergeError(null);
              setMerging(true);
            }}
            data-testid="bulk-merge"
          >
            {tui('bulkMerge')}
          </button>
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            disabled={busy}
            onClick={selection.clear}
            data-testid="bulk-clear"
          >
            {tui('clearSelection')}
          </button>
        </div>
      )}
      <p class="bulk-message" role="status" data-testid="bulk-message">
        {message?.text}
        {message?.failures && (
          <span class="form-error" data-testid="bulk-failures">
            {' '}
            {message.failures}
          </span>
        )}
      </p>
      {selected.length === 1 && (
        <MergeTicketDialog
          open={merging}
          ticket={selected[0]}
          onClose={() => setMerging(false)}
          onMerged={(into) => {
            setMerging(false);
            setMessage({ text: tui('bulkMergedOne', { number: into }), failures: null });
            selection.clear();
            onChanged();
          }}
        />
      )}
      <BulkMergeDialog
        open={merging && selected.length > 1}
        tickets={selected}
        busy={busy}
        error={mergeError}
        onCancel={() => setMerging(false)}
        onMerge={async (targetId) => {
          const error = await run({ action: 'merge', targetId });
          setMergeError(error);
          if (!error) setMerging(false);
        }}
      />
    </>
  );
}

/** "3 tickets updated." plus, if some were refused, "Not changed: #12 (why); #14 (why)". */
function describe(change: Omit<BulkChange, 'ids'>, results: BulkResult[], numbers: Map<string, number>): Message {
  const label = (id: string) => (numbers.has(id) ? `#${numbers.get(id)}` : id);
  const failed = results.filter((r) => !r.ok);
  // The target of a merge is reported ok; the message counts the tickets merged into it.
  const done = results.filter((r) => r.ok && r.id !== change.targetId).length;
  const target = change.targetId ? (numbers.get(change.targetId) ?? '') : '';
  // Nothing went through: the refusals alone say it.
  const text =
    !done && failed.length
      ? ''
      : change.action === 'merge'
        ? done === 1
          ? tui('bulkMergedOne', { number: target })
          : tui('bulkMerged', { count: done, number: target })
        : done === 1
          ? tui('bulkDoneOne')
          : tui('bulkDone', { count: done });
  const failures = failed.length
    ? tui('bulkNotChanged', { list: failed.map((r) => `${label(r.id)} (${r.error ?? ''})`).join('; ') })
    : null;
  return { text, failures };
}

interface MergeProps {
  open: boolean;
  tickets: Ticket[];
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onMerge(targetId: string): void;
}

/** Merge…: which of the selected tickets stays (the oldest by default); the others are merged into it. */
function BulkMergeDialog({ open, tickets, busy, error, onCancel, onMerge }: MergeProps) {
  const uid = useId();
  const [target, setTarget] = useState<string | null>(null);
  const oldest = useMemo(() => [...tickets].sort((a, b) => a.number - b.number)[0], [tickets]);
  useEffect(() => {
    if (open) setTarget(oldest?.id ?? null);
  }, [open]);
  const picked = tickets.find((t) => t.id === target);
  return (
    <FormDialog
      open={open}
      title={tui('bulkMergeTitle', { count: tickets.length })}
      submitLabel={picked ? tui('bulkMergeConfirm', { number: picked.number }) : tui('bulkMerge')}
      cancelLabel={tui('cancel')}
      busy={busy}
      error={error}
      canSubmit={!!picked}
      testId="bulk-merge-dialog"
      onSubmit={() => picked && onMerge(picked.id)}
      onCancel={onCancel}
    >
      <fieldset class="bulk-merge-targets">
        <legend class="field-label">{tui('bulkMergeInto')}</legend>
        {tickets.map((t) => (
          <label key={t.id} class="bulk-merge-target">
            <input
              type="radio"
              name={`${uid}-target`}
              value={t.id}
              checked={t.id === target}
              onChange={() => setTarget(t.id)}
              data-testid="bulk-merge-target"
              data-number={t.number}
            />{' '}
            <span class="mono">#{t.number}</span> {t.title}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}
