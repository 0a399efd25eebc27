// Admin: customer portals (one per company): create, edit, delete, and the three ways in
// (stand-alone URL, pop-up snippet, embedded script) with copy buttons. Contract: libs/cases/README.md §1.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { casesApi, type PortalInput } from '../../lib/cases.api';
import { st } from '../../lib/screen-share.i18n';
import type { Portal, PortalEmbed, PortalStatus } from '../../lib/cases.types';
import { ticketsApi } from '../../lib/tickets.api';
import type { Company } from '../../lib/tickets.types';
import { PortalRoutingFields } from './portal-routing-fields.component';

type Editing = { mode: 'create' } | { mode: 'edit'; portal: Portal } | null;

export function PortalsAdmin() {
  const [portals, setPortals] = useState<Portal[] | null>(null);
  const [companies, setCompanies] = useState<Company[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [embedFor, setEmbedFor] = useState<Portal | null>(null);
  const [deleting, setDeleting] = useState<Portal | null>(null);
  const confirm = useRef<HTMLDialogElement>(null);

  const reload = () =>
    casesApi.portals().then(
      (list) => setPortals(Array.isArray(list) ? list : []),
      (err) => setError(err instanceof ApiError ? err.message : 'Could not load portals'),
    );

  useEffect(() => {
    reload();
    ticketsApi.companies().then(setCompanies, () => undefined);
  }, []);

  useEffect(() => {
    if (deleting) confirm.current?.showModal();
  }, [deleting]);

  const remove = async () => {
    const p = deleting;
    confirm.current?.close();
    setDeleting(null);
    if (!p) return;
    try {
      await casesApi.deletePortal(p.id);
      if (embedFor?.id === p.id) setEmbedFor(null);
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not delete the portal');
    }
  };

  const withPortal = new Set((portals ?? []).map((p) => p.companyId));
  const free = companies.filter((c) => !withPortal.has(c.id));

  return (
    <section class="card" aria-labelledby="portals-heading" aria-busy={portals === null} data-testid="portals-admin">
      <div class="page-head">
        <h2 id="portals-heading" class="card-title">
          Customer portals
        </h2>
        <button
          type="button"
          class="btn btn-primary btn-sm"
          onClick={() => setEditing({ mode: 'create' })}
          data-testid="portal-new"
        >
          New portal
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <PortalForm
          editing={editing}
          companies={editing.mode === 'create' ? free : companies}
          onCancel={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            reload();
            setEmbedFor(p);
          }}
        />
      )}
      {portals && portals.length === 0 && !editing && (
        <p class="muted">No portal yet. Create one per company so its customers can chat with you.</p>
      )}
      {portals && portals.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="portals-table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Portal</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {portals.map((p) => (
                <tr key={p.id} data-testid="portal-row" data-subdomain={p.subdomain}>
                  <td>{p.companyName}</td>
                  <td>
                    <span class="block">{p.name}</span>
                    <a class="mono small" href={p.urls?.path ?? `/p/${p.subdomain}`} target="_blank" rel="noopener">
                      {p.urls?.path ?? `/p/${p.subdomain}`}
                    </a>
                  </td>
                  <td>
                    <span class={`pill pill-${p.status === 'active' ? 'ok' : 'off'}`}>
                      {p.status === 'active' ? 'Active' : 'Inactive'}
                    </span>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEmbedFor(p)}
                      data-testid="portal-embed-open"
                    >
                      Embed codes
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEditing({ mode: 'edit', portal: p })}
                      data-testid="portal-edit"
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm danger-text"
                      onClick={() => setDeleting(p)}
                      data-testid="portal-delete"
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {embedFor && <EmbedCodes portal={embedFor} onClose={() => setEmbedFor(null)} />}
      <dialog
        ref={confirm}
        class="dialog"
        aria-labelledby="portal-delete-title"
        onClose={() => setDeleting(null)}
        data-testid="portal-delete-confirm"
      >
        <h2 id="portal-delete-title" class="card-title">
          Delete the portal {deleting?.subdomain}?
        </h2>
        <p>Its addresses and snippets stop working at once. Existing cases are kept.</p>
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={() => confirm.current?.close()}>
            Cancel
          </button>
          <button type="button" class="btn btn-danger" onClick={remove} data-testid="portal-delete-confirm-yes">
            Delete portal
          </button>
        </div>
      </dialog>
    </section>
  );
}

/** The fields the form shows an error next to (see `err()` below). */
const FORM_FIELDS = ['companyId', 'subdomain', 'name', 'logoUrl', 'welcomeText', 'queueId', 'screenSharing'];

function PortalForm({
  editing,
  companies,
  onCancel,
  onSaved,
}: {
  editing: NonNullable<Editing>;
  companies: Company[];
  onCancel(): void;
  onSaved(p: Portal): void;
}) {
  const initial = editing.mode === 'edit' ? editing.portal : null;
  const [companyId, setCompanyId] = useState(initial?.companyId ?? '');
  const [subdomain, setSubdomain] = useState(initial?.subdomain ?? '');
  const [status, setStatus] = useState<PortalStatus>(initial?.status ?? 'active');
  const [name, setName] = useState(initial?.name ?? '');
  const [colour, setColour] = useState(initial?.colors?.primary ?? '#1f3b73');
  const [logoUrl, setLogoUrl] = useState(initial?.logoUrl ?? '');
  const [welcome, setWelcome] = useState(initial?.welcomeText ?? '');
  const [routing, setRouting] = useState<'pool' | 'queue'>(initial?.routing ?? 'pool');
  const [queueId, setQueueId] = useState<string | null>(initial?.queueId ?? null);
  const [screenSharing, setScreenSharing] = useState(initial?.screenSharing ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!initial && !companyId) local.companyId = 'Choose a company.';
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(subdomain.trim().toLowerCase()))
      local.subdomain = 'Use 1–63 lowercase letters, digits or hyphens (not at the start or end).';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setFormError(null);
    const body: PortalInput = {
      subdomain: subdomain.trim().toLowerCase(),
      status,
      ...(name.trim() ? { name: name.trim() } : {}),
      colors: { primary: colour },
      logoUrl: logoUrl.trim() || null,
      welcomeText: welcome.trim(),
      routing,
      queueId: routing === 'queue' ? queueId : null,
      screenSharing,
    };
    try {
      onSaved(
        initial ? await casesApi.updatePortal(initial.id, body) : await casesApi.createPortal({ ...body, companyId }),
      );
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) {
        const fe: Record<string, string> = {};
        for (const [k, v] of Object.entries(err.fieldErrors)) if (v?.length) fe[k] = v.join(' ');
        // 409: the subdomain is taken (or the company already has a portal): say it next to the field.
        if (err.status === 409 && /subdomain/i.test(err.message)) fe.subdomain = err.message;
        setErrors(fe);
        // Said next to a field already: repeating it under the form would show it twice.
        setFormError(Object.keys(fe).some((k) => FORM_FIELDS.includes(k)) ? null : err.message);
      } else setFormError('Could not save the portal');
    }
  };

  const err = (k: string) =>
    errors[k] && (
      <span class="field-error" id={`portal-${k}-error`} data-testid={`portal-form-error-${k}`}>
        {errors[k]}
      </span>
    );

  return (
    <form
      class="portal-form form-grid"
      onSubmit={submit}
      noValidate
      data-testid="portal-form"
      aria-label={initial ? `Edit portal ${initial.subdomain}` : 'New portal'}
    >
      <div class="field">
        <label class="field-label" for="portal-company">
          Company
        </label>
        {initial ? (
          <input id="portal-company" value={initial.companyName ?? ''} disabled />
        ) : (
          <select
            id="portal-company"
            value={companyId}
            onChange={(e) => setCompanyId((e.currentTarget as HTMLSelectElement).value)}
            aria-invalid={errors.companyId ? 'true' : undefined}
            data-testid="portal-form-company"
          >
            <option value="">Choose…</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        {err('companyId')}
      </div>
      <div class="field">
        <label class="field-label" for="portal-subdomain">
          Subdomain
        </label>
        <input
          id="portal-subdomain"
          value={subdomain}
          onInput={(e) => setSubdomain((e.currentTarget as HTMLInputElement).value)}
          aria-invalid={errors.subdomain ? 'true' : undefined}
          aria-describedby="portal-subdomain-hint"
          autoComplete="off"
          spellcheck={false}
          data-testid="portal-form-subdomain"
        />
        <span class="field-hint" id="portal-subdomain-hint">
          The portal lives at <span class="mono">/p/{subdomain || 'name'}</span>
        </span>
        {err('subdomain')}
      </div>
      <div class="field">
        <label class="field-label" for="portal-status">
          Status
        </label>
        <select
          id="portal-status"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as PortalStatus)}
          data-testid="portal-form-status"
        >
          <option value="active">Active</option>
          <option value="inactive">Inactive (shows “Service unavailable”)</option>
        </select>
      </div>
      <PortalRoutingFields
        routing={routing}
        queueId={queueId}
        error={errors.queueId}
        onChange={(r, q) => {
          setRouting(r);
          setQueueId(q);
        }}
      />
      <div class="field">
        <label class="field-label" for="portal-name">
          Display name
        </label>
        <input
          id="portal-name"
          value={name}
          placeholder="Defaults to the company name"
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        {err('name')}
      </div>
      <div class="field">
        <label class="field-label" for="portal-colour">
          Main colour
        </label>
        <input
          id="portal-colour"
          type="color"
          value={colour}
          onInput={(e) => setColour((e.currentTarget as HTMLInputElement).value)}
          class="colour-input"
        />
      </div>
      <div class="field">
        <label class="field-label" for="portal-logo">
          Logo URL
        </label>
        <input
          id="portal-logo"
          type="url"
          value={logoUrl}
          placeholder="https://…"
          onInput={(e) => setLogoUrl((e.currentTarget as HTMLInputElement).value)}
        />
        {err('logoUrl')}
      </div>
      <div class="field span-2">
        <label class="field-label" for="portal-welcome">
          Welcome text
        </label>
        <textarea
          id="portal-welcome"
          rows={2}
          value={welcome}
          onInput={(e) => setWelcome((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {err('welcomeText')}
      </div>
      <div class="field span-2">
        <label class="check-row">
          <input
            type="checkbox"
            checked={screenSharing}
            onChange={(e) => setScreenSharing(e.currentTarget.checked)}
            aria-describedby="portal-screen-sharing-hint"
            data-testid="portal-form-screen-sharing"
          />
          {st('allowField')}
        </label>
        <span id="portal-screen-sharing-hint" class="muted small">
          {st('allowHint')}
        </span>
        {err('screenSharing')}
      </div>
      {formError && (
        <p class="form-error span-2" role="alert" data-testid="portal-form-error">
          {formError}
        </p>
      )}
      <div class="form-actions span-2">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="portal-form-submit">
          {busy ? 'Saving…' : initial ? 'Save portal' : 'Create portal'}
        </button>
      </div>
    </form>
  );
}

function EmbedCodes({ portal, onClose }: { portal: Portal; onClose(): void }) {
  const [embed, setEmbed] = useState<PortalEmbed | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setEmbed(null);
    casesApi
      .embed(portal.id)
      .then(setEmbed, (err) => setError(err instanceof ApiError ? err.message : 'Could not load the snippets'));
  }, [portal.id]);

  return (
    <section class="embed-codes" aria-labelledby="embed-title" data-testid="portal-embed">
      <div class="page-head">
        <h3 id="embed-title" class="case-section-title">
          Ways in for {portal.name} <span class="mono muted">({portal.subdomain})</span>
        </h3>
        <button type="button" class="btn btn-ghost btn-sm" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {embed && (
        <>
          <Snippet
            id="standalone"
            label="Stand-alone page"
            hint="Link to it from emails, signatures or your website."
            value={embed.standaloneUrls.join('\n')}
          />
          <Snippet
            id="popup"
            label="Pop-up window"
            hint="A link that opens the portal in a small window."
            value={embed.popupSnippet}
          />
          <Snippet
            id="script"
            label="Embedded chat"
            hint="Paste before </body>: a chat button opens the portal in an isolated frame on your site."
            value={embed.embedSnippet}
          />
        </>
      )}
    </section>
  );
}

function Snippet({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Older browsers / insecure origins: select and use the legacy command.
      area.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div class="snippet field">
      <label class="field-label" for={`embed-${id}`}>
        {label}
      </label>
      <span class="field-hint">{hint}</span>
      <div class="snippet-row">
        <textarea
          id={`embed-${id}`}
          ref={area}
          class="mono snippet-code"
          readOnly
          rows={Math.min(4, value.split('\n').length + 1)}
          value={value}
          data-testid={`portal-embed-${id}`}
        />
        <button type="button" class="btn btn-secondary btn-sm" onClick={copy} data-testid={`portal-embed-copy-${id}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <span class="visually-hidden" aria-live="polite">
        {copied ? `${label} copied to the clipboard` : ''}
      </span>
    </div>
  );
}
