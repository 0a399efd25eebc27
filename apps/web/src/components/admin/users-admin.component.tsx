// Admin: technicians and administrators (/api/accounts): create (the server's password policy and
// duplicate-email refusals shown at the field), edit role, company restriction and permissions,
// deactivate/reactivate and delete (the last-administrator refusal shown as the server words it).
import { useEffect, useState } from 'preact/hooks';
import {
  adminPeopleApi,
  errorText,
  fieldErrorsOf,
  type Account,
  type AccountInput,
  type Company,
} from '../../lib/admin-people.api';
import { apt } from '../../lib/admin-people.i18n';
import type { Me } from '../../lib/api.types';
import { ConfirmDialog } from './confirm-dialog.component';

type Editing = { mode: 'create' } | { mode: 'edit'; account: Account } | null;
const PII_REVEAL = 'pii.reveal';

export function UsersAdmin({ me }: { me: Me }) {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [companies, setCompanies] = useState<Company[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Account | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = () =>
    adminPeopleApi.accounts().then(setAccounts, (err) => setError(errorText(err, apt('loadFailed'))));
  useEffect(() => {
    void reload();
    adminPeopleApi.companies().then(setCompanies, (err) => setError(errorText(err, apt('loadFailed'))));
  }, []);
  const companyName = (id: string) => companies.find((c) => c.id === id)?.name ?? id;

  const setActive = async (a: Account, active: boolean) => {
    setBusy(a.id);
    setError(null);
    try {
      await adminPeopleApi.updateAccount(a.id, { active });
      await reload();
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
      await adminPeopleApi.deleteAccount(deleting.id);
      setDeleting(null);
      await reload();
    } catch (err) {
      setDeleteError(errorText(err, apt('deleteFailed')));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="users-heading" aria-busy={accounts === null} data-testid="users-admin">
      <div class="page-head">
        <h2 id="users-heading" class="card-title">
          {apt('usersTitle')}
        </h2>
        {!editing && (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="user-new"
          >
            {apt('newUser')}
          </button>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert" data-testid="users-error">
          {error}
        </p>
      )}
      {editing && (
        <UserForm
          key={editing.mode === 'edit' ? editing.account.id : 'new'}
          editing={editing}
          companies={companies}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      {accounts === null && !error && <p class="muted">{apt('loading')}</p>}
      {accounts?.length === 0 && <p class="muted">{apt('noUsers')}</p>}
      {accounts && accounts.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{apt('name')}</th>
                <th scope="col">{apt('role')}</th>
                <th scope="col">{apt('companyAccess')}</th>
                <th scope="col">{apt('state')}</th>
                <th scope="col">
                  <span class="visually-hidden">{apt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-testid="user-row" data-email={a.email}>
                  <td>
                    <span class="block">
                      {a.name} {a.id === me.id && <span class="muted small">{apt('you')}</span>}
                    </span>
                    <span class="row-sub muted">{a.email}</span>
                  </td>
                  <td data-testid="user-role">
                    {a.role === 'admin' ? apt('roleAdmin') : apt('roleTechnician')}
                    {a.permissions.includes(PII_REVEAL) && (
                      <span class="row-sub muted" data-testid="user-pii">
                        {apt('permPiiRevealShort')}
                      </span>
                    )}
                  </td>
                  <td data-testid="user-companies">
                    {a.allCompanies
                      ? apt('accessAll')
                      : a.companyIds.length <= 3
                        ? a.companyIds.map(companyName).join(', ') || '—'
                        : apt('accessSomeCount', { count: a.companyIds.length })}
                  </td>
                  <td>
                    <span class={`pill pill-${a.active ? 'ok' : 'off'}`} data-testid="user-state">
                      {a.active ? apt('active') : apt('inactive')}
                    </span>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEditing({ mode: 'edit', account: a })}
                      data-testid="user-edit"
                    >
                      {apt('edit')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy === a.id}
                      onClick={() => setActive(a, !a.active)}
                      data-testid="user-toggle-active"
                    >
                      {a.active ? apt('deactivate') : apt('reactivate')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm danger-text"
                      onClick={() => {
                        setDeleteError(null);
                        setDeleting(a);
                      }}
                      data-testid="user-delete"
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
        title={apt('deleteUserTitle', { name: deleting?.name ?? '' })}
        confirmLabel={apt('deleteUserYes')}
        error={deleteError}
        busy={!!deleting && busy === deleting.id}
        testId="user-delete-confirm"
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        <p>{apt('deleteUserBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Fields the form shows an error next to; other refusals go under the form. */
const USER_FIELDS = ['name', 'email', 'password', 'role', 'companyIds', 'permissions'];

function UserForm({
  editing,
  companies,
  onCancel,
  onSaved,
}: {
  editing: NonNullable<Editing>;
  companies: Company[];
  onCancel(): void;
  onSaved(): void;
}) {
  const initial = editing.mode === 'edit' ? editing.account : null;
  const [name, setName] = useState(initial?.name ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<AccountInput['role']>(initial?.role ?? 'technician');
  const [allCompanies, setAllCompanies] = useState(initial?.allCompanies ?? true);
  const [companyIds, setCompanyIds] = useState<string[]>(initial?.companyIds ?? []);
  const [pii, setPii] = useState(initial?.permissions.includes(PII_REVEAL) ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = initial ? `user-edit-${initial.id}` : 'user-new';

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = apt('required');
    if (!email.trim()) local.email = apt('required');
    if (!initial && !password) local.password = apt('required');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const body = {
      name: name.trim(),
      email: email.trim(),
      role,
      allCompanies,
      companyIds: allCompanies ? [] : companyIds,
      // The form owns pii.reveal only; other permissions the account has are kept.
      permissions: [
        ...(initial?.permissions ?? []).filter((p) => p !== PII_REVEAL),
        ...(pii ? [PII_REVEAL] : []),
      ] as AccountInput['permissions'],
    };
    try {
      if (initial) await adminPeopleApi.updateAccount(initial.id, body);
      else await adminPeopleApi.createAccount({ ...body, password });
      onSaved();
    } catch (err) {
      setBusy(false);
      const fe = fieldErrorsOf(err);
      // 409: the address is taken; say it next to the field.
      if (/email/i.test(errorText(err, '')) && /already exists/i.test(errorText(err, '')))
        fe.email = errorText(err, '');
      setErrors(fe);
      setFormError(Object.keys(fe).some((k) => USER_FIELDS.includes(k)) ? null : errorText(err, apt('saveFailed')));
    }
  };

  const err = (k: string) =>
    errors[k] && (
      <span class="field-error" id={`${prefix}-${k}-error`} data-testid={`user-form-error-${k}`}>
        {errors[k]}
      </span>
    );
  const toggleCompany = (id: string, on: boolean) =>
    setCompanyIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <form
      class="portal-form form-grid"
      onSubmit={submit}
      noValidate
      data-testid="user-form"
      aria-label={initial ? apt('editUserForm', { name: initial.name }) : apt('newUserForm')}
    >
      <div class="field">
        <label class="field-label" for={`${prefix}-name`}>
          {apt('name')}
        </label>
        <input
          id={`${prefix}-name`}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? `${prefix}-name-error` : undefined}
          data-testid="user-form-name"
        />
        {err('name')}
      </div>
      <div class="field">
        <label class="field-label" for={`${prefix}-email`}>
          {apt('email')}
        </label>
        <input
          id={`${prefix}-email`}
          type="email"
          value={email}
          autoComplete="off"
          onInput={(e) => setEmail(e.currentTarget.value)}
          aria-invalid={errors.email ? 'true' : undefined}
          aria-describedby={errors.email ? `${prefix}-email-error` : undefined}
          data-testid="user-form-email"
        />
        {err('email')}
      </div>
      {!initial && (
        <div class="field">
          <label class="field-label" for={`${prefix}-password`}>
            {apt('password')}
          </label>
          <input
            id={`${prefix}-password`}
            type="password"
            value={password}
            autoComplete="new-password"
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={errors.password ? 'true' : undefined}
            aria-describedby={`${prefix}-password-hint${errors.password ? ` ${prefix}-password-error` : ''}`}
            data-testid="user-form-password"
          />
          <span class="field-hint" id={`${prefix}-password-hint`}>
            {apt('passwordHint')}
          </span>
          {err('password')}
        </div>
      )}
      <div class="field">
        <label class="field-label" for={`${prefix}-role`}>
          {apt('role')}
        </label>
        <select
          id={`${prefix}-role`}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as AccountInput['role'])}
          data-testid="user-form-role"
        >
          <option value="technician">{apt('roleTechnician')}</option>
          <option value="admin">{apt('roleAdmin')}</option>
        </select>
        {err('role')}
      </div>
      <fieldset class="field span-2 check-group">
        <legend class="field-label">{apt('companyAccess')}</legend>
        <label class="check-row">
          <input
            type="radio"
            name={`${prefix}-access`}
            checked={allCompanies}
            onChange={() => setAllCompanies(true)}
            data-testid="user-form-all-companies"
          />
          {apt('accessAll')}
        </label>
        <label class="check-row">
          <input
            type="radio"
            name={`${prefix}-access`}
            checked={!allCompanies}
            onChange={() => setAllCompanies(false)}
            data-testid="user-form-some-companies"
          />
          {apt('accessSome')}
        </label>
        {!allCompanies && (
          <div class="check-list" data-testid="user-form-companies">
            {companies.map((c) => (
              <label class="check-row" key={c.id}>
                <input
                  type="checkbox"
                  checked={companyIds.includes(c.id)}
                  onChange={(e) => toggleCompany(c.id, e.currentTarget.checked)}
                  data-company={c.name}
                />
                {c.name}
              </label>
            ))}
            {companyIds.length === 0 && <span class="field-hint">{apt('accessNone')}</span>}
          </div>
        )}
        {err('companyIds')}
      </fieldset>
      <fieldset class="field span-2 check-group">
        <legend class="field-label">{apt('permissions')}</legend>
        <label class="check-row">
          <input
            type="checkbox"
            checked={pii}
            onChange={(e) => setPii(e.currentTarget.checked)}
            data-testid="user-form-pii"
          />
          {apt('permPiiReveal')}
        </label>
        {err('permissions')}
      </fieldset>
      {formError && (
        <p class="form-error span-2" role="alert" data-testid="user-form-error">
          {formError}
        </p>
      )}
      <div class="form-actions span-2">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          {apt('cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="user-form-submit">
          {busy ? apt('saving') : initial ? apt('save') : apt('createUser')}
        </button>
      </div>
    </form>
  );
}
