// Admin: customer portals (one per company): create, edit, delete, and the three ways in
// (stand-alone URL, pop-up snippet, embedded script) with copy buttons. Contract: libs/cases/README.md §1.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { casesApi, type PortalInput } from '../../lib/cases.api';
import { st } from '../../lib/screen-share.i18n';
import type { Portal, PortalEmbed, PortalStatus } from '../../lib/cases.types';
import { ticketsApi } from '../../lib/tickets.api';
import type { Company } from '../../lib/tickets.types';
import { portalsAdminMessages } from '../../lib/portals-admin.i18n';
import { PortalRoutingFields } from './portal-routing-fields.component';
import { PortalProactiveFields } from './portal-proactive-fields.component';

const { t } = portalsAdminMessages;

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
      (err) => setError(err instanceof ApiError ? err.message : t('loadFailed')),
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
      setError(err instanceof ApiError ? err.message : t('deleteFailed'));
    }
  };

  const withPortal = new Set((portals ?? []).map((p) => p.companyId));
  const free = companies.filter((c) => !withPortal.has(c.id));

  return (
    <section class="card" aria-labelledby="portals-heading" aria-busy={portals === null} data-testid="portals-admin">
      <div class="page-head">
        <h2 id="portals-heading" class="card-title">
          {t('title')}
        </h2>
        <button
          type="button"
          class="btn btn-primary btn-sm"
          onClick={() => setEditing({ mode: 'create' })}
          data-testid="portal-new"
        >
          {t('newPortal')}
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
      {portals && portals.length === 0 && !editing && <p class="muted">{t('empty')}</p>}
      {portals && portals.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="portals-table">
            <thead>
              <tr>
                <th scope="col">{t('company')}</th>
                <th scope="col">{t('portal')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('actions')}</span>
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
                      {p.status === 'active' ? t('active') : t('inactive')}
                    </span>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEmbedFor(p)}
                      data-testid="portal-embed-open"
                    >
                      {t('embedCodes')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      onClick={() => setEditing({ mode: 'edit', portal: p })}
                      data-testid="portal-edit"
                    >
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm danger-text"
                      onClick={() => setDeleting(p)}
                      data-testid="portal-delete"
                    >
                      {t('delete')}
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
          {t('deleteTitle', { name: deleting?.subdomain ?? '' })}
        </h2>
        <p>{t('deleteBody')}</p>
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={() => confirm.current?.close()}>
            {t('cancel')}
          </button>
          <button type="button" class="btn btn-danger" onClick={remove} data-testid="portal-delete-confirm-yes">
            {t('deleteYes')}
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
  const [proactive, setProactive] = useState(initial?.proactive ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!initial && !companyId) local.companyId = t('chooseCompanyError');
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(subdomain.trim().toLowerCase()))
      local.subdomain = t('subdomainError');
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
      proactive,
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
        setFormError(
          Object.keys(fe).some((k) => FORM_FIELDS.includes(k) || k.startsWith('proactive.')) ? null : err.message,
        );
      } else setFormError(t('saveFailed'));
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
      aria-label={initial ? t('editForm', { name: initial.subdomain }) : t('newPortal')}
    >
      <div class="field">
        <label class="field-label" for="portal-company">
          {t('company')}
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
            <option value="">{t('choose')}</option>
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
          {t('subdomain')}
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
          {t('livesAt')} <span class="mono">/p/{subdomain || t('subdomainExample')}</span>
        </span>
        {err('subdomain')}
      </div>
      <div class="field">
        <label class="field-label" for="portal-status">
          {t('status')}
        </label>
        <select
          id="portal-status"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as PortalStatus)}
          data-testid="portal-form-status"
        >
          <option value="active">{t('active')}</option>
          <option value="inactive">{t('inactiveOption')}</option>
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
          {t('displayName')}
        </label>
        <input
          id="portal-name"
          value={name}
          placeholder={t('displayNamePlaceholder')}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        {err('name')}
      </div>
      <div class="field">
        <label class="field-label" for="portal-colour">
          {t('colour')}
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
          {t('logoUrl')}
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
          {t('welcome')}
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
      <PortalProactiveFields value={proactive} errors={errors} onChange={setProactive} />
      {formError && (
        <p class="form-error span-2" role="alert" data-testid="portal-form-error">
          {formError}
        </p>
      )}
      <div class="form-actions span-2">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="portal-form-submit">
          {busy ? t('saving') : initial ? t('save') : t('create')}
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
      .then(setEmbed, (err) => setError(err instanceof ApiError ? err.message : t('snippetsFailed')));
  }, [portal.id]);

  return (
    <section class="embed-codes" aria-labelledby="embed-title" data-testid="portal-embed">
      <div class="page-head">
        <h3 id="embed-title" class="case-section-title">
          {t('waysIn', { name: portal.name })} <span class="mono muted">({portal.subdomain})</span>
        </h3>
        <button type="button" class="btn btn-ghost btn-sm" onClick={onClose}>
          {t('close')}
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
            label={t('standalone')}
            hint={t('standaloneHint')}
            value={embed.standaloneUrls.join('\n')}
          />
          <Snippet id="popup" label={t('popup')} hint={t('popupHint')} value={embed.popupSnippet} />
          <Snippet id="script" label={t('script')} hint={t('scriptHint')} value={embed.embedSnippet} />
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
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <span class="visually-hidden" aria-live="polite">
        {copied ? t('copiedLive', { label }) : ''}
      </span>
    </div>
  );
}
