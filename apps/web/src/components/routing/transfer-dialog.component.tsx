// The Transfer dialog (#14): the accepting agent picks a queue (one that takes the customer's company)
// or an Available agent with a free slot, both searched on the server (`?q=`) and reloadable, then
// transfers. The agent leaves the chat at once: the wrap-up dialog follows (`wrap_up.due`).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { apiErrorText } from '../../lib/api-errors.i18n';
import { cc } from '../../lib/contact-centre.i18n';
import { routingApi, type ContactTransfer, type TransferTargets } from '../../lib/routing.api';

interface Props {
  conversationId: string;
  onDone(result: ContactTransfer): void;
  onClose(): void;
}

type Pick = { kind: 'queue' | 'agent'; id: string } | null;

const errorText = (err: unknown, fallback: string) =>
  err instanceof ApiError ? apiErrorText(err.code, err.message) : fallback;

/** How long typing pauses before the lists are searched again. */
const SEARCH_DELAY_MS = 250;

export function TransferDialog({ conversationId, onDone, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [search, setSearch] = useState('');
  const [targets, setTargets] = useState<TransferTargets | null>(null);
  const [loading, setLoading] = useState(false);
  const [picked, setPicked] = useState<Pick>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = async (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const t = await routingApi.transferTargets(conversationId, q);
      if (mine !== seq.current) return; // an older search answering late
      setTargets(t);
      // A pick that left the lists (the agent became busy) is dropped.
      setPicked((p) => (p && [...t.queues, ...t.agents].some((x) => x.id === p.id) ? p : null));
    } catch (err) {
      if (mine === seq.current) setError(errorText(err, cc('transferLoadFailed')));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };

  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => void load(search), search ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [search]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!picked) return setError(cc('transferPick'));
    setBusy(true);
    setError(null);
    try {
      const r = await routingApi.transfer(
        conversationId,
        picked.kind === 'queue' ? { queueId: picked.id } : { accountId: picked.id },
      );
      ref.current?.close();
      onDone(r);
    } catch (err) {
      setError(errorText(err, cc('transferFailed')));
      setBusy(false);
      void load(search); // the lists moved (that is usually why it failed)
    }
  };

  const close = () => {
    ref.current?.close();
    onClose();
  };

  const option = (kind: 'queue' | 'agent', id: string, label: string, detail: string) => (
    <label key={id} class="radio-row" data-testid={`transfer-${kind}`} data-id={id}>
      <input
        type="radio"
        name="transfer-target"
        value={id}
        checked={picked?.id === id}
        onChange={() => setPicked({ kind, id })}
      />
      <span>{label}</span> <span class="muted small">{detail}</span>
    </label>
  );

  return (
    <dialog
      ref={ref}
      class="dialog transfer-dialog"
      aria-labelledby="transfer-title"
      data-testid="transfer-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="transfer-title" class="card-title">
          {cc('transferTitle')}
        </h2>
        <p class="muted small">{cc('transferIntro')}</p>
        <div class="form-row">
          <label class="field">
            <span class="field-label">{cc('transferSearch')}</span>
            <input
              type="search"
              value={search}
              onInput={(e) => setSearch(e.currentTarget.value)}
              data-testid="transfer-search"
            />
          </label>
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            onClick={() => void load(search)}
            disabled={loading}
            data-testid="transfer-reload"
          >
            {loading ? cc('transferLoading') : cc('transferReload')}
          </button>
        </div>
        <fieldset class="wrap-up-reasons" data-testid="transfer-queues">
          <legend class="field-label">{cc('transferQueues')}</legend>
          {targets && !targets.queues.length && <p class="muted">{cc('transferNoQueues')}</p>}
          {targets?.queues.map((q) => option('queue', q.id, q.name, cc('transferWaiting', { count: q.waiting })))}
        </fieldset>
        <fieldset class="wrap-up-reasons" data-testid="transfer-agents">
          <legend class="field-label">{cc('transferAgents')}</legend>
          {targets && !targets.agents.length && <p class="muted">{cc('transferNoAgents')}</p>}
          {targets?.agents.map((a) =>
            option('agent', a.id, a.name, cc('transferAgentLoad', { active: a.activeChats, max: a.maxChats })),
          )}
        </fieldset>
        {error && (
          <p class="form-error" role="alert" data-testid="transfer-error">
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={close} disabled={busy}>
            {cc('transferCancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="transfer-submit">
            {busy ? cc('transferSubmitting') : cc('transferSubmit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
