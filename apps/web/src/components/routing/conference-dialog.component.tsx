// The Conference dialog (#14): the agent who has a queue-routed chat picks a colleague to ask in.
// Lists the Available colleagues with a free slot who serve the company (the server decides; Reload
// asks again, the search filters on the server too). Picking one sends the request and closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { apiErrorText } from '../../lib/api-errors.i18n';
import { cc } from '../../lib/contact-centre.i18n';
import { routingApi, type Conference, type ConferenceTarget } from '../../lib/routing.api';

interface Props {
  conversationId: string;
  onRequested(c: Conference): void;
  onClose(): void;
}

const errorText = (err: unknown, fallback: string) =>
  err instanceof ApiError ? apiErrorText(err.code, err.message) : fallback;

export function ConferenceDialog({ conversationId, onRequested, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<ConferenceTarget[] | null>(null);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (q = search) => {
    setError(null);
    return routingApi.conferenceTargets(conversationId, q).then(setTargets, (err) => {
      setTargets([]);
      setError(errorText(err, cc('conferenceLoadFailed')));
    });
  };
  useEffect(() => {
    ref.current?.showModal();
    void load('');
  }, []);
  // The server filters (the list may be long); a short pause between keystrokes.
  useEffect(() => {
    const timer = setTimeout(() => void load(search), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const pick = async (t: ConferenceTarget) => {
    setBusy(t.id);
    setError(null);
    try {
      const c = await routingApi.requestConference(conversationId, t.id);
      ref.current?.close();
      onRequested(c);
    } catch (err) {
      // 409: the colleague is no longer free, or a conference rings already: show it and the fresh list.
      setError(errorText(err, cc('conferenceFailed')));
      void load();
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog
      ref={ref}
      class="dialog conference-dialog"
      aria-labelledby="conference-title"
      data-testid="conference-dialog"
      onClose={onClose}
    >
      <h2 id="conference-title" class="card-title">
        {cc('conferenceTitle')}
      </h2>
      <p class="muted small">{cc('conferenceIntro')}</p>
      <div class="form-row">
        <label class="field">
          <span class="field-label">{cc('conferenceSearch')}</span>
          <input
            type="search"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
            data-testid="conference-search"
          />
        </label>
        <button type="button" class="btn btn-ghost" onClick={() => void load()} data-testid="conference-reload">
          {cc('conferenceReload')}
        </button>
      </div>
      {targets === null && <p class="muted">{cc('conferenceLoading')}</p>}
      {targets && !targets.length && !error && (
        <p class="muted" data-testid="conference-none">
          {search.trim() ? cc('conferenceNoMatch', { search }) : cc('conferenceNobody')}
        </p>
      )}
      <ul class="conference-targets" aria-label={cc('conferenceAgents')}>
        {(targets ?? []).map((t) => (
          <li key={t.id} class="conference-target" data-testid="conference-target" data-account-id={t.id}>
            <span>
              <strong data-testid="conference-target-name">{t.name}</strong>{' '}
              <span class="muted small">{cc('conferenceLoad', { active: t.activeChats, max: t.maxChats })}</span>
            </span>
            <button
              type="button"
              class="btn btn-primary btn-sm"
              disabled={!!busy}
              onClick={() => void pick(t)}
              data-testid="conference-pick"
            >
              {busy === t.id ? cc('conferenceAsking') : cc('conferenceAsk')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="form-error" role="alert" data-testid="conference-error">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" onClick={() => ref.current?.close()} data-testid="conference-close">
          {cc('conferenceClose')}
        </button>
      </div>
    </dialog>
  );
}
