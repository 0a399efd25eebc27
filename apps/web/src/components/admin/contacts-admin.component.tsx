// Admin: contacts (/api/contacts): list filtered by company and searched by name or email (server
// side, ?search=), create, edit (name, email, phone; the company is fixed once created) and delete.
import { useEffect, useState } from 'preact/hooks';
import { adminPeopleApi, errorText, fieldErrorsOf, type Company, type Contact } from '../../lib/admin-people.api';
import { apt } from '../../lib/admin-people.i18n';
import { ConfirmDialog } from './confirm-dialog.component';
import { isLanguage } from '../../lib/i18n';

type Editing = { mode: 'create' } | { mode: 'edit'; contact: Contact } | null;
const fullName = (c: Contact) => `${c.firstName} ${c.lastName}`.trim();
/** Typing pauses this long before the list is asked again. */
const SEARCH_DELAY_MS = 250;

export function ContactsAdmin() {
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [companyId, setCompanyId] = useState('');
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    adminPeopleApi.companies().then(setCompanies, (err) => setError(errorText(err, apt('loadFailed'))));
  }, []);
  const reload = () =>
    adminPeopleApi.contacts({ companyId: companyId || undefined, search: search.trim() || undefined }).then(
      (list) => {
        setContacts(list);
        setError(null);
      },
      (err) => setError(errorText(err, apt('loadFailed'))),
    );
  useEffect(() => {
    const timer = setTimeout(() => void reload(), search ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [companyId, search]);
  const companyName = (id: string) => companies?.find((c) => c.id === id)?.name ?? '';

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    setDeleteError(null);
    try {
      await adminPeopleApi.deleteContact(deleting.id);
      setDeleting(null);
      await reload();
    } catch (err) {
      setDeleteError(errorText(err, apt('deleteFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="contacts-heading" aria-busy={contacts === null} data-testid="contacts-admin">
      <div class="page-head">
        <h2 id="contacts-heading" class="card-title">
          {apt('contactsTitle')}
        </h2>
        {!editing && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={!companies?.length}
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="contact-new"
          >
            {apt('newContact')}
          </button>
        )}
      </div>
      {companies?.length === 0 && <p class="muted">{apt('needCompanyFirst')}</p>}
      <div class="admin-filters" role="search">
        <label class="inline-field">
          <span class="field-label">{apt('company')}</span>
          <select
            value={companyId}
            onChange={(e) => setCompanyId(e.currentTarget.value)}
            data-testid="contacts-company-filter"
          >
            <option value="">{apt('allCompaniesFilter')}</option>
            {companies?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{apt('search')}</span>
          <input
            type="search"
            value={search}
            placeholder={apt('searchPlaceholder')}
            maxLength={100}
            onInput={(e) => setSearch(e.currentTarget.value)}
            data-testid="contacts-search"
          />
        </label>
      </div>
      {error && (
        <p class="form-error" role="alert" data-testid="contacts-error">
          {error}
        </p>
      )}
      {editing && companies && (
        <ContactForm
          key={editing.mode === 'edit' ? editing.contact.id : 'new'}
          initial={editing.mode === 'edit' ? editing.contact : null}
          companies={companies}
          defaultCompanyId={companyId}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      {contacts === null && !error && <p class="muted">{apt('loading')}</p>}
      {contacts?.length === 0 && <p class="muted">{apt('noContacts')}</p>}
      {contacts && contacts.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="contacts-table">
            <thead>
              <tr>
                <th scope="col">{apt('name')}</th>
                <th scope="col">{apt('email')}</th>
                <th scope="col">{apt('phone')}</th>
                <th scope="col">{apt('company')}</th>
                <th scope="col">
                  <span class="visually-hidden">{apt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id} data-testid="contact-row" data-email={c.email ?? ''}>
                  <td>{fullName(c)}</td>
                  <td>{c.email ?? '—'}</td>
                  <td>{c.phone ?? '—'}</td>
                  <td>{companyName(c.companyId)}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEditing({ mode: 'edit', contact: c })}
                      data-testid="contact-edit"
                    >
                      {apt('edit')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm danger-text"
                      onClick={() => {
                        setDeleteError(null);
                        setDeleting(c);
                      }}
                      data-testid="contact-delete"
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
        title={apt('deleteContactTitle', { name: deleting ? fullName(deleting) : '' })}
        confirmLabel={apt('deleteContactYes')}
        error={deleteError}
        busy={busy}
        testId="contact-delete-confirm"
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        <p>{apt('deleteContactBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

const CONTACT_FIELDS = ['companyId', 'firstName', 'lastName', 'email', 'phone'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];
const LABEL: Record<ContactField, Parameters<typeof apt>[0]> = {
  companyId: 'company',
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  phone: 'phone',
};

function ContactForm({
  initial,
  companies,
  defaultCompanyId,
  onCancel,
  onSaved,
}: {
  initial: Contact | null;
  companies: Company[];
  defaultCompanyId: string;
  onCancel(): void;
  onSaved(): void;
}) {
  const [values, setValues] = useState<Record<ContactField, string>>({
    companyId: initial?.companyId ?? defaultCompanyId,
    firstName: initial?.firstName ?? '',
    lastName: initial?.lastName ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
  });
  // '' follows the company's default (locale.default); a contact's own language wins (#16).
  const [contactLanguage, setContactLanguage] = useState<string>(initial?.language ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: ContactField, v: string) => setValues((x) => ({ ...x, [k]: v }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    for (const k of ['companyId', 'firstName', 'lastName', 'email'] as const)
      if (!values[k].trim() && !(k === 'companyId' && initial)) local[k] = apt('required');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const body = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      // null clears a phone on edit; a new contact without one simply has none.
      phone: values.phone.trim() || null,
      language: isLanguage(contactLanguage) ? contactLanguage : null,
    };
    try {
      if (initial) await adminPeopleApi.updateContact(initial.id, body);
      else await adminPeopleApi.createContact({ ...body, companyId: values.companyId });
      onSaved();
    } catch (err) {
      setBusy(false);
      const fe = fieldErrorsOf(err);
      const message = errorText(err, apt('saveFailed'));
      if (/already exists/i.test(message)) fe.email = message;
      setErrors(fe);
      setFormError(Object.keys(fe).some((k) => (CONTACT_FIELDS as readonly string[]).includes(k)) ? null : message);
    }
  };

  const field = (k: ContactField, type: 'text' | 'email' | 'tel' = 'text') => (
    <div class="field" key={k}>
      <label class="field-label" for={`contact-form-${k}`}>
        {apt(LABEL[k])}
      </label>
      {k === 'companyId' ? (
        <select
          id="contact-form-companyId"
          value={values.companyId}
          disabled={!!initial}
          aria-describedby={initial ? 'contact-form-companyId-hint' : undefined}
          onChange={(e) => set('companyId', e.currentTarget.value)}
          data-testid="contact-form-companyId"
        >
          <option value="">{apt('chooseCompany')}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`contact-form-${k}`}
          // One literal for the JSX types (a union of input types does not type-check).
          type={type as 'text'}
          value={values[k]}
          onInput={(e) => set(k, e.currentTarget.value)}
          aria-invalid={errors[k] ? 'true' : undefined}
          aria-describedby={errors[k] ? `contact-form-${k}-error` : undefined}
          data-testid={`contact-form-${k}`}
        />
      )}
      {k === 'companyId' && initial && (
        <span class="field-hint" id="contact-form-companyId-hint">
          {apt('contactCompanyFixed')}
        </span>
      )}
      {errors[k] && (
        <span class="field-error" id={`contact-form-${k}-error`} data-testid={`contact-form-error-${k}`}>
          {errors[k]}
        </span>
      )}
    </div>
  );

  return (
    <form
      class="portal-form form-grid"
      onSubmit={submit}
      noValidate
      data-testid="contact-form"
      aria-label={initial ? `${apt('edit')} ${fullName(initial)}` : apt('newContact')}
    >
      {field('firstName')}
      {field('lastName')}
      {field('email', 'email')}
      {field('phone', 'tel')}
      <div class="field">
        <label class="field-label" for="contact-form-language">
          {apt('contactLanguage')}
        </label>
        <select
          id="contact-form-language"
          value={contactLanguage}
          aria-describedby="contact-form-language-hint"
          onChange={(e) => setContactLanguage(e.currentTarget.value)}
          data-testid="contact-form-language"
        >
          <option value="">{apt('contactLanguageDefault')}</option>
          <option value="en" lang="en">
            English
          </option>
          <option value="fr" lang="fr">
            Français
          </option>
        </select>
        <span class="field-hint" id="contact-form-language-hint">
          {apt('contactLanguageHint')}
        </span>
        {errors.language && (
          <span class="field-error" data-testid="contact-form-error-language">
            {errors.language}
          </span>
        )}
      </div>
      {field('companyId')}
      {formError && (
        <p class="form-error span-2" role="alert" data-testid="contact-form-error">
          {formError}
        </p>
      )}
      <div class="form-actions span-2">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          {apt('cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="contact-form-submit">
          {busy ? apt('saving') : initial ? apt('save') : apt('createContact')}
        </button>
      </div>
    </form>
  );
}
