// Admin: companies (/api/companies): create, rename, delete with confirmation, and per company the
// "chat enabled" setting (chat.enabled at company scope: people at its devices may start chats).
import { useEffect, useState } from 'preact/hooks';
import { adminPeopleApi, errorText, fieldErrorsOf, type Company } from '../../lib/admin-people.api';
import { apt } from '../../lib/admin-people.i18n';
import { ConfirmDialog } from './confirm-dialog.component';

type Editing = { mode: 'create' } | { mode: 'rename'; company: Company } | null;

export function CompaniesAdmin() {
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [chat, setChat] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Company | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = async () => {
    try {
      const list = await adminPeopleApi.companies();
      setCompanies(list);
      const values = await Promise.all(list.map((c) => adminPeopleApi.chatEnabled(c.id)));
      setChat(Object.fromEntries(values.map((v, i) => [list[i].id, v.value === true])));
    } catch (err) {
      setError(errorText(err, apt('loadFailed')));
    }
  };
  useEffect(() => void reload(), []);

  const toggleChat = async (c: Company) => {
    setBusy(c.id);
    setError(null);
    try {
      const saved = await adminPeopleApi.setChatEnabled(c.id, !chat[c.id]);
      setChat((m) => ({ ...m, [c.id]: saved.value === true }));
    } catch (err) {
      setError(errorText(err, apt('saveFailed')));
    } finally {
      setBusy(null);
    }
  };
  const remove = async () => {
    if (!deleting) return;
    setBusy(deleting.id);
    setDeleteError(null);
    try {
      await adminPeopleApi.deleteCompany(deleting.id);
      setDeleting(null);
      await reload();
    } catch (err) {
      setDeleteError(errorText(err, apt('deleteFailed')));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      class="card"
      aria-labelledby="companies-heading"
      aria-busy={companies === null}
      data-testid="companies-admin"
    >
      <div class="page-head">
        <h2 id="companies-heading" class="card-title">
          {apt('companiesTitle')}
        </h2>
        {!editing && (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="company-new"
          >
            {apt('newCompany')}
          </button>
        )}
      </div>
      <p class="muted small">{apt('chatHint')}</p>
      {error && (
        <p class="form-error" role="alert" data-testid="companies-error">
          {error}
        </p>
      )}
      {editing && (
        <CompanyForm
          key={editing.mode === 'rename' ? editing.company.id : 'new'}
          initial={editing.mode === 'rename' ? editing.company : null}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      {companies === null && !error && <p class="muted">{apt('loading')}</p>}
      {companies?.length === 0 && <p class="muted">{apt('noCompanies')}</p>}
      {companies && companies.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="companies-table">
            <thead>
              <tr>
                <th scope="col">{apt('name')}</th>
                <th scope="col">{apt('chat')}</th>
                <th scope="col">
                  <span class="visually-hidden">{apt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {companies.map((c) => (
                <tr key={c.id} data-testid="company-row" data-name={c.name}>
                  <td>{c.name}</td>
                  <td>
                    <button
                      type="button"
                      class="switch-row switch-inline"
                      role="switch"
                      aria-checked={chat[c.id] === true}
                      aria-label={apt('chatOn', { name: c.name })}
                      disabled={busy === c.id || !(c.id in chat)}
                      onClick={() => toggleChat(c)}
                      data-testid="company-chat"
                    >
                      <span class="switch" aria-hidden="true">
                        <span class="switch-knob" />
                      </span>
                    </button>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEditing({ mode: 'rename', company: c })}
                      data-testid="company-rename"
                    >
                      {apt('rename')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm danger-text"
                      onClick={() => {
                        setDeleteError(null);
                        setDeleting(c);
                      }}
                      data-testid="company-delete"
                    >
                      {apt('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={!!deleting}
        title={apt('deleteCompanyTitle', { name: deleting?.name ?? '' })}
        confirmLabel={apt('deleteCompanyYes')}
        error={deleteError}
        busy={!!deleting && busy === deleting.id}
        testId="company-delete-confirm"
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        <p>{apt('deleteCompanyBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function CompanyForm({ initial, onCancel, onSaved }: { initial: Company | null; onCancel(): void; onSaved(): void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setError(apt('required'));
    setBusy(true);
    setError(null);
    try {
      if (initial) await adminPeopleApi.renameCompany(initial.id, name.trim());
      else await adminPeopleApi.createCompany(name.trim());
      onSaved();
    } catch (err) {
      setBusy(false);
      setError(fieldErrorsOf(err).name || errorText(err, apt('saveFailed')));
    }
  };

  return (
    <form
      class="portal-form form-grid"
      onSubmit={submit}
      noValidate
      data-testid="company-form"
      aria-label={initial ? apt('rename') : apt('newCompany')}
    >
      <div class="field span-2">
        <label class="field-label" for="company-form-name">
          {apt('companyName')}
        </label>
        <input
          id="company-form-name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'company-form-name-error' : undefined}
          data-testid="company-form-name"
        />
        {error && (
          <span class="field-error" id="company-form-name-error" role="alert" data-testid="company-form-error">
            {error}
          </span>
        )}
      </div>
      <div class="form-actions span-2">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          {apt('cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="company-form-submit">
          {busy ? apt('saving') : initial ? apt('save') : apt('createCompany')}
        </button>
      </div>
    </form>
  );
}
