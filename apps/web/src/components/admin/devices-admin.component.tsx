// Admin: devices (/api/devices): list with company, contact, whether the helpdesk agent is online
// and enabled; add a device (its enrolment code is shown right away), assign a company and contact,
// toggle the helpdesk agent, a new enrolment code, delete with confirmation.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  adminPeopleApi,
  errorText,
  fieldErrorsOf,
  type Company,
  type Contact,
  type Device,
  type EnrolmentCode,
} from '../../lib/admin-people.api';
import { apt } from '../../lib/admin-people.i18n';
import { adminDateTime } from '../../lib/admin.i18n';
import { ConfirmDialog } from './confirm-dialog.component';

type Editing = { mode: 'create' } | { mode: 'edit'; device: Device } | null;
const fullName = (c: Contact) => `${c.firstName} ${c.lastName}`.trim();

export function DevicesAdmin() {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [companyId, setCompanyId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [enrol, setEnrol] = useState<{ device: Pick<Device, 'id' | 'name'>; code: EnrolmentCode } | null>(null);
  const [deleting, setDeleting] = useState<Device | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // The newest request wins, for the filter shown now: a save's reload from an older render
  // must not bring back the list of a company the admin has since switched away from.
  const latest = useRef({ seq: 0, companyId });
  latest.current.companyId = companyId;
  const reload = () => {
    const seq = ++latest.current.seq;
    return adminPeopleApi.devices(latest.current.companyId || undefined).then(
      (list) => seq === latest.current.seq && setDevices(list),
      (err) => seq === latest.current.seq && setError(errorText(err, apt('loadFailed'))),
    );
  };
  const reloadContacts = () =>
    adminPeopleApi.contacts().then(setContacts, (err) => setError(errorText(err, apt('loadFailed'))));
  useEffect(() => {
    adminPeopleApi.companies().then(setCompanies, (err) => setError(errorText(err, apt('loadFailed'))));
    void reloadContacts();
  }, []);
  useEffect(() => void reload(), [companyId]);
  const companyName = (id: string) => companies?.find((c) => c.id === id)?.name ?? '';
  const contactName = (id: string | null) => {
    const c = id ? contacts.find((x) => x.id === id) : undefined;
    return c ? fullName(c) : '—';
  };

  const showCode = async (device: Pick<Device, 'id' | 'name'>) => {
    setBusy(device.id);
    setError(null);
    try {
      setEnrol({ device, code: await adminPeopleApi.enrolmentCode(device.id) });
    } catch (err) {
      setError(errorText(err, apt('loadFailed')));
    } finally {
      setBusy(null);
    }
  };
  const toggleAgent = async (d: Device) => {
    setBusy(d.id);
    setError(null);
    try {
      await adminPeopleApi.updateDevice(d.id, { helpdeskAgentEnabled: !d.helpdeskAgentEnabled });
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
      await adminPeopleApi.deleteDevice(deleting.id);
      if (enrol?.device.id === deleting.id) setEnrol(null);
      setDeleting(null);
      await reload();
    } catch (err) {
      setDeleteError(errorText(err, apt('deleteFailed')));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="devices-heading" aria-busy={devices === null} data-testid="devices-admin">
      <div class="page-head">
        <h2 id="devices-heading" class="card-title">
          {apt('devicesTitle')}
        </h2>
        {!editing && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={!companies?.length}
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="device-new"
          >
            {apt('newDevice')}
          </button>
        )}
      </div>
      {companies?.length === 0 && <p class="muted">{apt('needCompanyFirst')}</p>}
      <div class="admin-filters">
        <label class="inline-field">
          <span class="field-label">{apt('company')}</span>
          <select
            value={companyId}
            onChange={(e) => setCompanyId(e.currentTarget.value)}
            data-testid="devices-company-filter"
          >
            <option value="">{apt('allCompaniesFilter')}</option>
            {companies?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p class="form-error" role="alert" data-testid="devices-error">
          {error}
        </p>
      )}
      {editing && companies && (
        <DeviceForm
          key={editing.mode === 'edit' ? editing.device.id : 'new'}
          initial={editing.mode === 'edit' ? editing.device : null}
          companies={companies}
          contacts={contacts}
          defaultCompanyId={companyId}
          onCancel={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            void reload();
            // A new device is enrolled next: its code straight away.
            if (created) void showCode(saved);
          }}
        />
      )}
      {enrol && <EnrolmentPanel {...enrol} onNew={() => showCode(enrol.device)} onClose={() => setEnrol(null)} />}
      {devices === null && !error && <p class="muted">{apt('loading')}</p>}
      {devices?.length === 0 && <p class="muted">{apt('noDevices')}</p>}
      {devices && devices.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="devices-table">
            <thead>
              <tr>
                <th scope="col">{apt('name')}</th>
                <th scope="col">{apt('company')}</th>
                <th scope="col">{apt('contact')}</th>
                <th scope="col">{apt('onlineState')}</th>
                <th scope="col">{apt('agent')}</th>
                <th scope="col">
                  <span class="visually-hidden">{apt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} data-testid="device-admin-row" data-name={d.name}>
                  <td>
                    <span class="block">{d.name}</span>
                    {d.os && <span class="row-sub muted">{d.os}</span>}
                  </td>
                  <td data-testid="device-company">{companyName(d.companyId)}</td>
                  <td data-testid="device-contact">{contactName(d.contactId)}</td>
                  <td>
                    <span class={`pill pill-${d.online ? 'ok' : 'off'}`} data-testid="device-online">
                      {d.online ? apt('online') : apt('offline')}
                    </span>
                    <span class="row-sub muted">
                      {d.lastSeenAt ? apt('lastSeen', { when: adminDateTime(d.lastSeenAt) }) : apt('neverSeen')}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="switch-row switch-inline"
                      role="switch"
                      aria-checked={d.helpdeskAgentEnabled}
                      aria-label={apt('agentOn', { name: d.name })}
                      disabled={busy === d.id}
                      onClick={() => toggleAgent(d)}
                      data-testid="device-agent"
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
                      disabled={busy === d.id}
                      onClick={() => showCode(d)}
                      data-testid="device-enrol"
                    >
                      {apt('enrolmentCode')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => {
                        void reloadContacts();
                        setEditing({ mode: 'edit', device: d });
                      }}
                      data-testid="device-edit"
                    >
                      {apt('edit')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm danger-text"
                      onClick={() => {
                        setDeleteError(null);
                        setDeleting(d);
                      }}
                      data-testid="device-delete"
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
        title={apt('deleteDeviceTitle', { name: deleting?.name ?? '' })}
        confirmLabel={apt('deleteDeviceYes')}
        error={deleteError}
        busy={!!deleting && busy === deleting.id}
        testId="device-delete-confirm"
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        <p>{apt('deleteDeviceBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function EnrolmentPanel({
  device,
  code,
  onNew,
  onClose,
}: {
  device: Pick<Device, 'id' | 'name'>;
  code: EnrolmentCode;
  onNew(): void;
  onClose(): void;
}) {
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const command = `switchboard-agent enroll ${location.origin} ${code.code}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
    } catch {
      // Insecure origins have no clipboard API: select the text for a manual copy.
      area.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <section class="embed-codes" aria-labelledby="enrol-title" data-testid="device-enrolment">
      <div class="page-head">
        <h3 id="enrol-title" class="case-section-title">
          {apt('enrolTitle', { name: device.name })}
        </h3>
        <button type="button" class="btn btn-ghost btn-sm" onClick={onClose}>
          {apt('close')}
        </button>
      </div>
      <p class="mono enrol-code" data-testid="device-enrolment-code">
        {code.code}
      </p>
      <div class="snippet field">
        <label class="field-label" for="enrol-command">
          {apt('enrolHelp', { when: adminDateTime(code.expiresAt) })}
        </label>
        <div class="snippet-row">
          <textarea
            id="enrol-command"
            ref={area}
            class="mono snippet-code"
            readOnly
            rows={2}
            value={command}
            data-testid="device-enrolment-command"
          />
          <button type="button" class="btn btn-secondary btn-sm" onClick={copy}>
            {copied ? apt('copied') : apt('copy')}
          </button>
        </div>
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost btn-sm" onClick={onNew} data-testid="device-enrolment-new">
          {apt('enrolNew')}
        </button>
      </div>
    </section>
  );
}

function DeviceForm({
  initial,
  companies,
  contacts,
  defaultCompanyId,
  onCancel,
  onSaved,
}: {
  initial: Device | null;
  companies: Company[];
  contacts: Contact[];
  defaultCompanyId: string;
  onCancel(): void;
  onSaved(device: Pick<Device, 'id' | 'name'>, created: boolean): void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [os, setOs] = useState(initial?.os ?? '');
  const [companyId, setCompanyId] = useState(initial?.companyId ?? defaultCompanyId);
  const [contactId, setContactId] = useState(initial?.contactId ?? '');
  const [agent, setAgent] = useState(initial?.helpdeskAgentEnabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ofCompany = contacts.filter((c) => c.companyId === companyId);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = apt('required');
    if (!companyId) local.companyId = apt('required');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const body = {
      name: name.trim(),
      os: os.trim(),
      companyId,
      contactId: contactId || null,
      helpdeskAgentEnabled: agent,
    };
    try {
      if (initial) onSaved(await adminPeopleApi.updateDevice(initial.id, body), false);
      else onSaved((await adminPeopleApi.createDevice(body)).device, true);
    } catch (err) {
      setBusy(false);
      const fe = fieldErrorsOf(err);
      setErrors(fe);
      setFormError(
        Object.keys(fe).some((k) => ['name', 'os', 'companyId', 'contactId'].includes(k))
          ? null
          : errorText(err, apt('saveFailed')),
      );
    }
  };
  const err = (k: string) =>
    errors[k] && (
      <span class="field-error" id={`device-form-${k}-error`} data-testid={`device-form-error-${k}`}>
        {errors[k]}
      </span>
    );

  return (
    <form
      class="portal-form form-grid"
      onSubmit={submit}
      noValidate
      data-testid="device-form"
      aria-label={initial ? `${apt('edit')} ${initial.name}` : apt('newDevice')}
    >
      <div class="field">
        <label class="field-label" for="device-form-name">
          {apt('deviceName')}
        </label>
        <input
          id="device-form-name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={errors.name ? 'true' : undefined}
          data-testid="device-form-name"
        />
        {err('name')}
      </div>
      <div class="field">
        <label class="field-label" for="device-form-os">
          {apt('os')}
        </label>
        <input
          id="device-form-os"
          value={os}
          onInput={(e) => setOs(e.currentTarget.value)}
          data-testid="device-form-os"
        />
        {err('os')}
      </div>
      <div class="field">
        <label class="field-label" for="device-form-company">
          {apt('company')}
        </label>
        <select
          id="device-form-company"
          value={companyId}
          onChange={(e) => {
            setCompanyId(e.currentTarget.value);
            setContactId('');
          }}
          aria-invalid={errors.companyId ? 'true' : undefined}
          aria-describedby={initial ? 'device-form-company-hint' : undefined}
          data-testid="device-form-company"
        >
          <option value="">{apt('chooseCompany')}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {initial && (
          <span class="field-hint" id="device-form-company-hint">
            {apt('moveHint')}
          </span>
        )}
        {err('companyId')}
      </div>
      <div class="field">
        <label class="field-label" for="device-form-contact">
          {apt('contact')}
        </label>
        <select
          id="device-form-contact"
          value={contactId}
          disabled={!companyId}
          onChange={(e) => setContactId(e.currentTarget.value)}
          aria-invalid={errors.contactId ? 'true' : undefined}
          data-testid="device-form-contact"
        >
          <option value="">{apt('noContact')}</option>
          {ofCompany.map((c) => (
            <option key={c.id} value={c.id}>
              {fullName(c)}
              {c.email ? ` <${c.email}>` : ''}
            </option>
          ))}
        </select>
        {err('contactId')}
      </div>
      <label class="check-row span-2">
        <input
          type="checkbox"
          checked={agent}
          onChange={(e) => setAgent(e.currentTarget.checked)}
          data-testid="device-form-agent"
        />
        {apt('agentEnabledField')}
      </label>
      {formError && (
        <p class="form-error span-2" role="alert" data-testid="device-form-error">
          {formError}
        </p>
      )}
      <div class="form-actions span-2">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          {apt('cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="device-form-submit">
          {busy ? apt('saving') : initial ? apt('save') : apt('createDevice')}
        </button>
      </div>
    </form>
  );
}
