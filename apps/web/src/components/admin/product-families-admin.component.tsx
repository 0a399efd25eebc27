// Admin → Product families: list, create, rename, delete (api/product-families).
import { useState } from 'preact/hooks';
import { adminConfigApi } from '../../lib/admin-config.api';
import { act } from '../../lib/admin-config.i18n';
import { ApiError } from '../../lib/api.client';
import { AdminAlert } from './admin-alert.component';
import { AdminMessage } from './admin-message.component';
import { ConfirmDelete } from './confirm-delete.component';
import { useAdminList } from './use-admin-list.hook';

const fieldText = (err: unknown, field: string) =>
  err instanceof ApiError ? (err.fieldErrors[field]?.join(', ') ?? err.message) : act('saveFailed');

export function ProductFamiliesAdmin() {
  const { items: families, loadError, busy, message, run } = useAdminList(adminConfigApi.families);
  const [name, setName] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; name: string; error?: string } | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    setCreateError(null);
    const created = name.trim();
    if (
      await run(
        () => adminConfigApi.createFamily(name),
        act('created', { name: created }),
        (err) => setCreateError(fieldText(err, 'name')),
      )
    )
      setName('');
  };

  const rename = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const current = editing;
    if (
      await run(
        () => adminConfigApi.renameFamily(current.id, current.name),
        act('saved'),
        (err) => setEditing({ ...current, error: fieldText(err, 'name') }),
      )
    )
      setEditing(null);
  };

  return (
    <section class="card" aria-labelledby="families-heading" aria-busy={families === null} data-testid="families-admin">
      <h2 id="families-heading" class="card-title">
        {act('familiesTitle')}
      </h2>
      <AdminAlert text={loadError} />
      <form class="inline-form" onSubmit={create} noValidate data-testid="family-create">
        <div class="field">
          <label class="field-label" for="family-new-name">
            {act('newFamily')}
          </label>
          <input
            id="family-new-name"
            name="name"
            value={name}
            maxLength={100}
            disabled={busy}
            aria-invalid={createError ? true : undefined}
            aria-describedby={createError ? 'family-new-error' : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {createError && (
            <span id="family-new-error" class="form-error small block" role="alert" data-testid="field-error">
              {createError}
            </span>
          )}
        </div>
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="family-add">
          {act('addFamily')}
        </button>
      </form>
      <AdminMessage message={message} />
      {families && families.length === 0 && <p class="muted">{act('noFamilies')}</p>}
      {families && families.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="families-table">
            <thead>
              <tr>
                <th scope="col">{act('name')}</th>
                <th scope="col">
                  <span class="visually-hidden">{act('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {families.map((f) => (
                <tr key={f.id} data-testid="family-row" data-name={f.name}>
                  <td>
                    {editing?.id === f.id ? (
                      <form class="inline-form" onSubmit={rename} noValidate>
                        <input
                          aria-label={act('rename')}
                          name="name"
                          value={editing.name}
                          maxLength={100}
                          disabled={busy}
                          aria-invalid={editing.error ? true : undefined}
                          onInput={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
                        />
                        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="family-save">
                          {act('save')}
                        </button>
                        <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(null)}>
                          {act('cancel')}
                        </button>
                        {editing.error && (
                          <span class="form-error small block" role="alert" data-testid="field-error">
                            {editing.error}
                          </span>
                        )}
                      </form>
                    ) : (
                      f.name
                    )}
                  </td>
                  <td class="row-actions">
                    {editing?.id !== f.id && (
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        disabled={busy}
                        onClick={() => setEditing({ id: f.id, name: f.name })}
                        data-testid="family-rename"
                      >
                        {act('rename')}
                      </button>
                    )}
                    <ConfirmDelete
                      name={f.name}
                      disabled={busy}
                      onConfirm={() =>
                        void run(() => adminConfigApi.deleteFamily(f.id), act('deleted', { name: f.name }))
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
