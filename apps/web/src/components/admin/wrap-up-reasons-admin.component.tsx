// Admin → Wrap-up reasons (#14): list, add, rename, activate/deactivate, delete (api/wrap-up-reasons).
// Inactive reasons stay listed here (for history) but agents cannot pick them.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { routingApi, type WrapUpReason } from '../../lib/routing.api';
import { rt } from '../../lib/routing.i18n';
import { ConfirmDelete } from './confirm-delete.component';

type Message = { ok: boolean; text: string } | null;
// The label's errors, else the French label's, else the server's message.
const fieldText = (err: unknown) =>
  err instanceof ApiError
    ? ((err.fieldErrors.label ?? err.fieldErrors.labelFr)?.join(', ') ?? err.message)
    : rt('saveFailed');

export function WrapUpReasonsAdmin() {
  const [reasons, setReasons] = useState<WrapUpReason[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [labelFr, setLabelFr] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; label: string; labelFr: string; error?: string } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const reload = () =>
    routingApi.reasons().then(
      (list) => setReasons(Array.isArray(list) ? list : []),
      (err) => setLoadError(err instanceof ApiError ? err.message : rt('loadFailed')),
    );
  useEffect(() => {
    void reload();
  }, []);

  const run = async (work: () => Promise<unknown>, ok: string, onError: (err: unknown) => void) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      await reload();
      setMessage({ ok: true, text: ok });
      return true;
    } catch (err) {
      onError(err);
      await reload();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const failed = (err: unknown) =>
    setMessage({ ok: false, text: err instanceof ApiError ? err.message : rt('saveFailed') });

  const create = async (e: Event) => {
    e.preventDefault();
    setCreateError(null);
    const name = label.trim();
    if (
      await run(
        () => routingApi.createReason(label, labelFr),
        rt('created', { name }),
        (err) => setCreateError(fieldText(err)),
      )
    ) {
      setLabel('');
      setLabelFr('');
    }
  };

  const rename = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const current = editing;
    if (
      await run(
        () => routingApi.updateReason(current.id, { label: current.label, labelFr: current.labelFr }),
        rt('saved'),
        (err) => setEditing({ ...current, error: fieldText(err) }),
      )
    )
      setEditing(null);
  };

  return (
    <section class="card" aria-labelledby="reasons-heading" aria-busy={reasons === null} data-testid="reasons-admin">
      <h2 id="reasons-heading" class="card-title">
        {rt('reasonsTitle')}
      </h2>
      <p class="muted small">{rt('reasonsIntro')}</p>
      {loadError && (
        <p class="form-error" role="alert">
          {loadError}
        </p>
      )}
      <form class="inline-form" onSubmit={create} noValidate data-testid="reason-create">
        <div class="field">
          <label class="field-label" for="reason-new-label">
            {rt('newReason')}
          </label>
          <input
            id="reason-new-label"
            name="label"
            value={label}
            maxLength={100}
            disabled={busy}
            aria-invalid={createError ? true : undefined}
            aria-describedby={createError ? 'reason-new-error' : undefined}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="reason-new-label-fr">
            {rt('reasonLabelFr')}
          </label>
          <input
            id="reason-new-label-fr"
            name="labelFr"
            lang="fr"
            value={labelFr}
            maxLength={100}
            disabled={busy}
            aria-describedby="reason-new-label-fr-hint"
            onInput={(e) => setLabelFr(e.currentTarget.value)}
          />
          <span id="reason-new-label-fr-hint" class="muted small block">
            {rt('reasonLabelFrHint')}
          </span>
          {createError && (
            <span id="reason-new-error" class="form-error small block" role="alert" data-testid="field-error">
              {createError}
            </span>
          )}
        </div>
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="reason-add">
          {rt('addReason')}
        </button>
      </form>
      {message && (
        <p
          class={message.ok ? 'muted small' : 'form-error small'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="admin-message"
        >
          {message.text}
        </p>
      )}
      {reasons && reasons.length === 0 && <p class="muted">{rt('noReasons')}</p>}
      {reasons && reasons.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="reasons-table">
            <thead>
              <tr>
                <th scope="col">{rt('reasonLabel')}</th>
                <th scope="col">{rt('reasonActive')}</th>
                <th scope="col">
                  <span class="visually-hidden">{rt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((r) => (
                <tr key={r.id} data-testid="reason-row" data-label={r.label} data-active={String(r.active)}>
                  <td>
                    {editing?.id === r.id ? (
                      <form class="inline-form" onSubmit={rename} noValidate>
                        <input
                          aria-label={rt('reasonLabel')}
                          name="label"
                          value={editing.label}
                          maxLength={100}
                          disabled={busy}
                          aria-invalid={editing.error ? true : undefined}
                          onInput={(e) => setEditing({ ...editing, label: e.currentTarget.value })}
                        />
                        <input
                          aria-label={rt('reasonLabelFr')}
                          name="labelFr"
                          lang="fr"
                          value={editing.labelFr}
                          maxLength={100}
                          disabled={busy}
                          onInput={(e) => setEditing({ ...editing, labelFr: e.currentTarget.value })}
                        />
                        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="reason-save">
                          {rt('save')}
                        </button>
                        <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(null)}>
                          {rt('cancel')}
                        </button>
                        {editing.error && (
                          <span class="form-error small block" role="alert" data-testid="field-error">
                            {editing.error}
                          </span>
                        )}
                      </form>
                    ) : (
                      // The admin sees both labels: the default one and, below, the French one.
                      <>
                        {r.label}
                        {r.labelFr && (
                          <span class="muted small block" lang="fr" data-testid="reason-label-fr">
                            {r.labelFr}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                  <td>
                    <span class={`pill pill-${r.active ? 'ok' : 'off'}`}>
                      {r.active ? rt('reasonActive') : rt('reasonInactive')}
                    </span>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy}
                      onClick={() => setEditing({ id: r.id, label: r.label, labelFr: r.labelFr ?? '' })}
                      data-testid="reason-edit"
                    >
                      {rt('edit')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy}
                      onClick={() =>
                        void run(() => routingApi.updateReason(r.id, { active: !r.active }), rt('saved'), failed)
                      }
                      data-testid="reason-toggle"
                    >
                      {r.active ? rt('deactivate') : rt('activate')}
                    </button>
                    <ConfirmDelete
                      name={r.label}
                      disabled={busy}
                      onConfirm={() =>
                        void run(() => routingApi.deleteReason(r.id), rt('deleted', { name: r.label }), failed)
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
