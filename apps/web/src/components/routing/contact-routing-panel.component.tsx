// The contact-centre side of a live-chat case (#14): the queue it came from (or the alert that an
// admin deleted it: then only End is left), the agent's End, "The customer ended the conversation",
// and the wrap-up dialog the agent owes after the chat. Pool chats have no routing: nothing shows.
import type { CaseView } from '../../lib/cases.types';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { apiErrorText } from '../../lib/api-errors.i18n';
import type { Me } from '../../lib/api.types';
import { cc } from '../../lib/contact-centre.i18n';
import { localLabel } from '../../lib/label';
import { useLiveEvent } from '../../lib/live.context';
import { routingApi, type ConversationRouting, type WrapUp, type WrapUpReason } from '../../lib/routing.api';
import { ConferencePane } from './conference-pane.component';
import { TransferDialog } from './transfer-dialog.component';

interface Props {
  c: CaseView;
  me: Me;
  /** The composer follows: no messages once the queue was deleted. */
  onQueueDeleted(deleted: boolean): void;
  /** The composer opens for the colleague asked into the chat by conference. */
  onConferenceJoined?(joined: boolean): void;
}

const errorText = (err: unknown, fallback: string) =>
  err instanceof ApiError ? apiErrorText(err.code, err.message) : fallback;

export function ContactRoutingPanel({ c, me, onQueueDeleted, onConferenceJoined }: Props) {
  const [routing, setRouting] = useState<ConversationRouting | null>(null);
  const [deletedName, setDeletedName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wrapped, setWrapped] = useState<WrapUp | null>(null);
  const [transferring, setTransferring] = useState(false);
  const id = c.id;

  const load = () =>
    routingApi.conversationRouting(id).then(
      (r) => {
        setRouting(r);
        onQueueDeleted(r.queueDeleted);
      },
      // 404: a pool chat (no routing) or gone: nothing to show.
      () => setRouting(null),
    );
  useEffect(() => {
    setWrapped(null);
    setDeletedName(null);
    void load();
  }, [id, c.chatStatus]);
  useLiveEvent('wrap_up.due', (p) => p?.conversationId === id && void load());
  useLiveEvent('wrap_up.done', (p) => p?.conversationId === id && void load());
  useLiveEvent('contact.resource_deleted', (p) => {
    if (p?.conversationId !== id) return;
    setDeletedName(p.name);
    void load();
  });

  if (!routing) return null;
  const mine = routing.agentId === me.id;
  const canEnd = mine && routing.state === 'accepted' && c.chatStatus !== 'ended' && !routing.wrapUp;

  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await routingApi.end(id);
      setRouting({ ...routing, wrapUp: r.wrapUp });
    } catch (err) {
      setError(errorText(err, cc('endFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="routing-panel" data-testid="routing-panel" data-queue-deleted={String(routing.queueDeleted)}>
      {routing.queueDeleted ? (
        <p class="form-error" role="alert" data-testid="routing-queue-deleted">
          {deletedName ? cc('queueDeleted', { queue: deletedName }) : cc('queueDeletedUnnamed')}
        </p>
      ) : (
        <p class="muted small" data-testid="routing-queue">
          {cc('routingQueue', { queue: routing.queueName ?? '' })}
        </p>
      )}
      {routing.wrapUp?.cause === 'customer_ended' && (
        <p class="notice" role="status" data-testid="routing-customer-ended">
          {cc('customerEnded')}
        </p>
      )}
      {canEnd && (
        <button type="button" class="btn btn-danger" onClick={end} disabled={busy} data-testid="routing-end">
          {busy ? cc('ending') : cc('end')}
        </button>
      )}
      <ConferencePane
        routing={routing}
        me={me}
        chatRunning={c.chatStatus !== 'ended'}
        onJoinedChange={(joined) => onConferenceJoined?.(joined)}
      />
      {canEnd && (
        <button
          type="button"
          class="btn"
          onClick={() => setTransferring(true)}
          disabled={busy}
          data-testid="routing-transfer"
        >
          {cc('transfer')}
        </button>
      )}
      {transferring && (
        <TransferDialog
          conversationId={id}
          onClose={() => setTransferring(false)}
          // I left the chat: my wrap-up (cause transferred) opens at once.
          onDone={(r) => {
            setTransferring(false);
            setRouting({ ...routing, agentId: null, wrapUp: r.wrapUp });
          }}
        />
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {wrapped && (
        <p class="notice" role="status" data-testid="routing-wrapped">
          {cc('wrapUpDone', { reason: wrapped.reasonLabel ?? '' })}
        </p>
      )}
      {routing.wrapUp && (
        <WrapUpDialog
          conversationId={id}
          onDone={(w) => {
            setWrapped(w);
            setRouting({ ...routing, wrapUp: null });
          }}
        />
      )}
    </section>
  );
}

/** The modal the agent submits: a searchable list of the active reasons and an optional note. */
function WrapUpDialog({ conversationId, onDone }: { conversationId: string; onDone(w: WrapUp): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reasons, setReasons] = useState<WrapUpReason[] | null>(null);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
    routingApi.activeReasons().then(setReasons, (err) => {
      setReasons([]);
      setError(errorText(err, cc('wrapUpFailed')));
    });
  }, []);

  const term = search.trim().toLocaleLowerCase();
  const shown = (reasons ?? []).filter((r) => !term || localLabel(r).toLocaleLowerCase().includes(term));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!picked) return setError(cc('wrapUpPick'));
    setBusy(true);
    setError(null);
    try {
      const w = await routingApi.wrapUp(conversationId, { reasonId: picked, note: note.trim() || undefined });
      ref.current?.close();
      onDone(w);
    } catch (err) {
      setError(errorText(err, cc('wrapUpFailed')));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      class="dialog wrap-up-dialog"
      aria-labelledby="wrap-up-title"
      data-testid="wrap-up-dialog"
      // Owed, not optional: Escape does not close it (the slot stays taken until it is submitted).
      onCancel={(e) => e.preventDefault()}
    >
      <form onSubmit={submit}>
        <h2 id="wrap-up-title" class="card-title">
          {cc('wrapUpTitle')}
        </h2>
        <p class="muted small">{cc('wrapUpIntro')}</p>
        <label class="field">
          <span class="field-label">{cc('wrapUpSearch')}</span>
          <input
            type="search"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
            data-testid="wrap-up-search"
          />
        </label>
        <fieldset class="wrap-up-reasons">
          <legend class="field-label">{cc('wrapUpReasons')}</legend>
          {reasons && !reasons.length && <p class="muted">{cc('wrapUpNoReasons')}</p>}
          {reasons && reasons.length > 0 && !shown.length && <p class="muted">{cc('wrapUpNoMatch', { search })}</p>}
          {shown.map((r) => (
            <label key={r.id} class="radio-row" data-testid="wrap-up-reason">
              <input
                type="radio"
                name="wrap-up-reason"
                value={r.id}
                checked={picked === r.id}
                onChange={() => setPicked(r.id)}
              />
              <span>{localLabel(r)}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span class="field-label">{cc('wrapUpNote')}</span>
          <textarea
            maxLength={1000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            data-testid="wrap-up-note"
          />
        </label>
        {error && (
          <p class="form-error" role="alert" data-testid="wrap-up-error">
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="wrap-up-submit">
            {busy ? cc('wrapUpSubmitting') : cc('wrapUpSubmit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
