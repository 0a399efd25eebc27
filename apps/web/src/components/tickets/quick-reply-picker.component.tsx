// Quick replies: the list loads when the menu is first opened; the chosen template is rendered by the
// server for this ticket (placeholders filled) and handed to the composer to insert.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { ticketsApi } from '../../lib/tickets.api';
import type { QuickReply } from '../../lib/tickets.types';
import { useDismiss } from '../../lib/dismiss.hook';
import { tk } from '../../lib/tickets.i18n';
import { tp } from '../../lib/ticket-page.i18n';
import { localLabel } from '../../lib/label';

interface Props {
  ticketNumber: number;
  onInsert(text: string): void;
  disabled?: boolean;
}

export function QuickReplyPicker({ ticketNumber, onInsert, disabled }: Props) {
  const [open, setOpen] = useState(false);
  const [replies, setReplies] = useState<QuickReply[] | null>(null);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(open, wrap, trigger, () => setOpen(false));

  const toggle = () => {
    if (!open && replies === null) {
      ticketsApi.quickReplies().then(setReplies, (err) => {
        setReplies([]);
        setError(err instanceof ApiError ? err.message : tp('quickRepliesFailed'));
      });
    }
    setError(null);
    setOpen(!open);
  };

  const choose = async (r: QuickReply) => {
    setBusy(r.id);
    setError(null);
    try {
      const { text } = await ticketsApi.renderQuickReply(r.id, ticketNumber);
      onInsert(text);
      setOpen(false);
      setFilter('');
    } catch (err) {
      // e.g. 400 "unknown placeholder {{contact.nickname}}": show it, the template needs fixing.
      setError(err instanceof ApiError ? err.message : tp('quickReplyFailed'));
    } finally {
      setBusy(null);
    }
  };

  const needle = filter.trim().toLowerCase();
  const shown = (replies ?? []).filter(
    (r) => !needle || [r.name, r.nameFr ?? '', r.body].some((text) => text.toLowerCase().includes(needle)),
  );

  return (
    <div class="dropdown" ref={wrap}>
      <button
        ref={trigger}
        type="button"
        class="btn btn-ghost btn-sm"
        aria-expanded={open}
        aria-controls="quick-reply-panel"
        onClick={toggle}
        disabled={disabled}
        data-testid="quick-reply-button"
      >
        {tp('quickReply')}
      </button>
      {open && (
        <div
          id="quick-reply-panel"
          class="panel panel-up panel-left panel-wide"
          role="dialog"
          aria-label={tp('quickReplies')}
          data-testid="quick-reply-picker"
        >
          <label class="field">
            <span class="visually-hidden">{tp('filterQuickReplies')}</span>
            <input
              type="search"
              placeholder={tp('filterQuickReplies')}
              value={filter}
              onInput={(e) => setFilter(e.currentTarget.value)}
              autoFocus
            />
          </label>
          {error && (
            <p class="panel-error" role="alert" data-testid="quick-reply-error">
              {error}
            </p>
          )}
          {replies === null ? (
            <p class="panel-empty">{tk('loading')}</p>
          ) : shown.length === 0 ? (
            <p class="panel-empty">{replies.length ? tp('noMatches') : tp('noQuickReplies')}</p>
          ) : (
            <ul class="qr-list">
              {shown.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    class="qr-item"
                    onClick={() => choose(r)}
                    disabled={busy !== null}
                    aria-busy={busy === r.id}
                    data-testid="quick-reply-item"
                  >
                    <span class="qr-name">
                      {localLabel(r)}
                      {r.shared ? '' : <span class="muted small">{tp('personal')}</span>}
                    </span>
                    <span class="qr-body muted small">{r.body.length > 90 ? `${r.body.slice(0, 90)}…` : r.body}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
