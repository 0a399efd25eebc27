// Admin → Ticket statuses: built-in and custom statuses in their order; create, rename, re-categorise
// (custom only), move up/down (positions renumbered), delete (custom and unused only; the API says why not).
import { useState } from 'preact/hooks';
import { adminConfigApi, type NewStatus, type TicketStatus } from '../../lib/admin-config.api';
import { act, actOr } from '../../lib/admin-config.i18n';
import { ApiError } from '../../lib/api.client';
import { AdminAlert } from './admin-alert.component';
import { AdminMessage } from './admin-message.component';
import { ConfirmDelete } from './confirm-delete.component';
import { FieldErrors } from './field-errors.component';
import { useAdminList } from './use-admin-list.hook';

const CATEGORIES = ['open', 'pending', 'done'] as const;
type Category = (typeof CATEGORIES)[number];
type Editing = {
  key: string;
  name: string;
  nameFr: string;
  category: Category;
  errors: Record<string, string[]>;
} | null;

const categoryLabel = (c: string) => actOr(`category.${c}`, c);
const errorsOf = (err: unknown): Record<string, string[]> =>
  err instanceof ApiError
    ? Object.keys(err.fieldErrors).length
      ? err.fieldErrors
      : { _: [err.message] }
    : { _: [act('saveFailed')] };

export function TicketStatusesAdmin() {
  const { items: statuses, loadError, busy, message, run } = useAdminList(adminConfigApi.statuses);
  const [draft, setDraft] = useState<NewStatus>({ key: '', name: '', nameFr: '', category: 'open' });
  const [createErrors, setCreateErrors] = useState<Record<string, string[]>>({});
  const [editing, setEditing] = useState<Editing>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    setCreateErrors({});
    const name = draft.name.trim();
    if (
      await run(
        () => adminConfigApi.createStatus({ ...draft, position: statuses?.length ?? undefined }),
        act('created', { name }),
        (err) => setCreateErrors(errorsOf(err)),
      )
    )
      setDraft({ key: '', name: '', nameFr: '', category: 'open' });
  };

  const saveEdit = async (e: Event, status: TicketStatus) => {
    e.preventDefault();
    if (!editing) return;
    const current = editing;
    const patch = {
      name: current.name,
      nameFr: current.nameFr,
      ...(status.builtIn || current.category === status.category ? {} : { category: current.category }),
    };
    if (
      await run(
        () => adminConfigApi.updateStatus(status.key, patch),
        act('saved'),
        (err) => setEditing({ ...current, errors: errorsOf(err) }),
      )
    )
      setEditing(null);
  };

  // Moving renumbers every status whose position is not its index (custom ones may share a position).
  const move = (index: number, by: -1 | 1) => {
    if (!statuses) return;
    const order = [...statuses];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved);
    void run(async () => {
      for (const [i, s] of order.entries())
        if (s.position !== i) await adminConfigApi.updateStatus(s.key, { position: i });
    }, act('saved'));
  };

  return (
    <section class="card" aria-labelledby="statuses-heading" aria-busy={statuses === null} data-testid="statuses-admin">
      <h2 id="statuses-heading" class="card-title">
        {act('statusesTitle')}
      </h2>
      <p class="muted small">{act('builtInKeepsCategory')}</p>
      <AdminAlert text={loadError} />
      <AdminMessage message={message} />
      {statuses && (
        <div class="table-wrap">
          <table class="table" data-testid="statuses-table">
            <thead>
              <tr>
                <th scope="col">{act('statusOrder')}</th>
                <th scope="col">{act('statusKey')}</th>
                <th scope="col">{act('name')}</th>
                <th scope="col">{act('statusCategory')}</th>
                <th scope="col">
                  <span class="visually-hidden">{act('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {statuses.map((s, i) => (
                <tr key={s.key} data-testid="status-row" data-key={s.key}>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy || i === 0}
                      aria-label={act('moveUp', { name: s.name })}
                      onClick={() => move(i, -1)}
                      data-testid="status-up"
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy || i === statuses.length - 1}
                      aria-label={act('moveDown', { name: s.name })}
                      onClick={() => move(i, 1)}
                      data-testid="status-down"
                    >
                      ↓
                    </button>
                  </td>
                  <td>
                    <span class="mono">{s.key}</span>{' '}
                    <span class={`pill pill-${s.builtIn ? 'off' : 'ok'}`}>
                      {s.builtIn ? act('builtIn') : act('custom')}
                    </span>
                  </td>
                  {editing?.key === s.key ? (
                    <td colSpan={2}>
                      <form
                        class="inline-form"
                        onSubmit={(e) => saveEdit(e, s)}
                        noValidate
                        data-testid="status-edit-form"
                      >
                        <input
                          aria-label={act('name')}
                          name="name"
                          value={editing.name}
                          maxLength={100}
                          disabled={busy}
                          aria-invalid={editing.errors.name ? true : undefined}
                          onInput={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
                        />
                        <input
                          aria-label={act('frenchLabel')}
                          name="nameFr"
                          lang="fr"
                          value={editing.nameFr}
                          maxLength={100}
                          disabled={busy}
                          aria-invalid={editing.errors.nameFr ? true : undefined}
                          onInput={(e) => setEditing({ ...editing, nameFr: e.currentTarget.value })}
                        />
                        {!s.builtIn && (
                          <select
                            aria-label={act('statusCategory')}
                            name="category"
                            value={editing.category}
                            disabled={busy}
                            onChange={(e) => setEditing({ ...editing, category: e.currentTarget.value as Category })}
                          >
                            {CATEGORIES.map((c) => (
                              <option key={c} value={c}>
                                {categoryLabel(c)}
                              </option>
                            ))}
                          </select>
                        )}
                        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="status-save">
                          {act('save')}
                        </button>
                        <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(null)}>
                          {act('cancel')}
                        </button>
                        <FieldErrors errors={editing.errors} field="name" />
                        <FieldErrors errors={editing.errors} field="nameFr" />
                        <FieldErrors errors={editing.errors} field="category" />
                        <FieldErrors errors={editing.errors} field="_" />
                      </form>
                    </td>
                  ) : (
                    <>
                      <td data-testid="status-name">
                        {s.name}
                        {s.nameFr && (
                          <span class="muted small block" lang="fr" data-testid="status-name-fr">
                            {s.nameFr}
                          </span>
                        )}
                      </td>
                      <td>{categoryLabel(s.category)}</td>
                    </>
                  )}
                  <td class="row-actions">
                    {editing?.key !== s.key && (
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        disabled={busy}
                        onClick={() =>
                          setEditing({
                            key: s.key,
                            name: s.name,
                            nameFr: s.nameFr ?? '',
                            category: s.category,
                            errors: {},
                          })
                        }
                        data-testid="status-rename"
                      >
                        {act('edit')}
                      </button>
                    )}
                    {!s.builtIn && (
                      <ConfirmDelete
                        name={s.name}
                        disabled={busy}
                        onConfirm={() =>
                          void run(() => adminConfigApi.deleteStatus(s.key), act('deleted', { name: s.name }))
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="inline-form admin-create" onSubmit={create} noValidate data-testid="status-create">
        <h3 class="small">{act('newStatus')}</h3>
        <div class="field">
          <label class="field-label" for="status-new-key">
            {act('statusKey')}
          </label>
          <input
            id="status-new-key"
            name="key"
            class="mono"
            value={draft.key}
            maxLength={40}
            disabled={busy}
            aria-invalid={createErrors.key ? true : undefined}
            onInput={(e) => setDraft({ ...draft, key: e.currentTarget.value })}
          />
          <span class="muted small block">{act('statusKeyHint')}</span>
          <FieldErrors errors={createErrors} field="key" />
        </div>
        <div class="field">
          <label class="field-label" for="status-new-name">
            {act('name')}
          </label>
          <input
            id="status-new-name"
            name="name"
            value={draft.name}
            maxLength={100}
            disabled={busy}
            aria-invalid={createErrors.name ? true : undefined}
            onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <FieldErrors errors={createErrors} field="name" />
        </div>
        <div class="field">
          <label class="field-label" for="status-new-name-fr">
            {act('frenchLabel')}
          </label>
          <input
            id="status-new-name-fr"
            name="nameFr"
            lang="fr"
            value={draft.nameFr ?? ''}
            maxLength={100}
            disabled={busy}
            aria-invalid={createErrors.nameFr ? true : undefined}
            aria-describedby="status-new-name-fr-hint"
            onInput={(e) => setDraft({ ...draft, nameFr: e.currentTarget.value })}
          />
          <span id="status-new-name-fr-hint" class="muted small block">
            {act('frenchLabelHint')}
          </span>
          <FieldErrors errors={createErrors} field="nameFr" />
        </div>
        <div class="field">
          <label class="field-label" for="status-new-category">
            {act('statusCategory')}
          </label>
          <select
            id="status-new-category"
            name="category"
            value={draft.category}
            disabled={busy}
            onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value as Category })}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
          <FieldErrors errors={createErrors} field="category" />
        </div>
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="status-add">
          {act('addStatus')}
        </button>
        <FieldErrors errors={createErrors} field="_" />
      </form>
    </section>
  );
}
