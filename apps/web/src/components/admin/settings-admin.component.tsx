// Admin → Settings: the core's typed settings (GET /api/settings, one PUT per changed key) in the shared
// schema form, for all companies or one company (only the settings a company may override).
import { useEffect, useState } from 'preact/hooks';
import { adminConfigApi, type SettingView } from '../../lib/admin-config.api';
import { act, actOr } from '../../lib/admin-config.i18n';
import { ApiError } from '../../lib/api.client';
import { ticketsApi } from '../../lib/tickets.api';
import type { Company } from '../../lib/tickets.types';
import { SchemaForm, type SchemaField, type SchemaValues } from './schema-form.component';

type Message = { ok: boolean; text: string } | null;

const label = (s: SettingView) => actOr(`setting.${s.key}`, s.description);
const optionLabel = (value: string) => actOr(`opt.${value}`, value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function toField(s: SettingView, companies: Company[]): SchemaField {
  const hint =
    s.source === 'company' ? act('sourceCompany') : s.source === 'global' ? act('sourceGlobal') : act('sourceDefault');
  const base = { key: s.key, label: label(s), hint };
  switch (s.type) {
    // A company id is better picked than typed.
    case 'company':
      return {
        ...base,
        type: 'select',
        options: [{ value: '', label: act('noCompany') }, ...companies.map((c) => ({ value: c.id, label: c.name }))],
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'number':
      return { ...base, type: 'number', min: s.min, max: s.max, integer: s.integer };
    case 'enum':
      return { ...base, type: 'select', options: (s.options ?? []).map((o) => ({ value: o, label: optionLabel(o) })) };
    case 'list':
      return { ...base, type: 'list', options: (s.options ?? []).map((o) => ({ value: o, label: optionLabel(o) })) };
    default:
      return { ...base, type: 'string' };
  }
}

export function SettingsAdmin() {
  const [companies, setCompanies] = useState<Company[]>([]);
  const [companyId, setCompanyId] = useState('');
  const [settings, setSettings] = useState<SettingView[] | null>(null);
  const [values, setValues] = useState<SchemaValues>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ticketsApi.companies().then(setCompanies, () => setCompanies([]));
  }, []);

  useEffect(() => {
    let alive = true;
    setSettings(null);
    setLoadError(null);
    setErrors({});
    setMessage(null);
    adminConfigApi.settings(companyId || undefined).then(
      (list) => {
        if (!alive) return;
        const shown = (Array.isArray(list) ? list : []).filter((s) => !companyId || s.scopes.includes('company'));
        setSettings(shown);
        setValues(Object.fromEntries(shown.map((s) => [s.key, s.value])));
      },
      (err) => alive && setLoadError(err instanceof ApiError ? err.message : act('loadFailed')),
    );
    return () => {
      alive = false;
    };
  }, [companyId]);

  const replace = (view: SettingView) => {
    setSettings((list) => list?.map((s) => (s.key === view.key ? view : s)) ?? list);
    setValues((v) => ({ ...v, [view.key]: view.value }));
  };

  const save = async () => {
    if (!settings) return;
    const changed = settings.filter((s) => !same(values[s.key], s.value));
    setMessage(null);
    setErrors({});
    if (changed.length === 0) return setMessage({ ok: true, text: act('settingsNothing') });
    setBusy(true);
    const failed: Record<string, string[]> = {};
    // One PUT per key (the API's unit); a refused one does not stop the others.
    for (const s of changed) {
      try {
        replace(await adminConfigApi.setSetting(s.key, values[s.key], companyId || undefined));
      } catch (err) {
        failed[s.key] =
          err instanceof ApiError
            ? (err.fieldErrors.value ?? err.fieldErrors.companyId ?? [err.message])
            : [act('saveFailed')];
      }
    }
    setBusy(false);
    setErrors(failed);
    const count = Object.keys(failed).length;
    setMessage(
      count ? { ok: false, text: act('settingsPartly', { count }) } : { ok: true, text: act('settingsSaved') },
    );
  };

  const reset = async (key: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const view = await adminConfigApi.resetSetting(key, companyId || undefined);
      replace(view);
      setErrors(({ [key]: _, ...rest }) => rest);
      setMessage({ ok: true, text: act('resetDone', { name: label(view) }) });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : act('saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  const scopeSource = companyId ? 'company' : 'global';
  return (
    <section class="card" aria-labelledby="settings-heading" aria-busy={settings === null} data-testid="settings-admin">
      <h2 id="settings-heading" class="card-title">
        {act('settingsTitle')}
      </h2>
      <div class="field inline-field">
        <label class="field-label" for="settings-scope">
          {act('settingsScope')}
        </label>
        <select
          id="settings-scope"
          value={companyId}
          disabled={busy}
          onChange={(e) => setCompanyId(e.currentTarget.value)}
          data-testid="settings-scope"
        >
          <option value="">{act('scopeGlobal')}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {act('scopeCompany', { name: c.name })}
            </option>
          ))}
        </select>
      </div>
      {companyId && <p class="muted small">{act('scopeCompanyNote')}</p>}
      {loadError && (
        <p class="form-error" role="alert">
          {loadError}
        </p>
      )}
      {!settings && !loadError && <p class="muted">{act('loading')}</p>}
      {settings && (
        <SchemaForm
          idPrefix="setting"
          fields={settings.map((s) => toField(s, companies))}
          values={values}
          errors={errors}
          busy={busy}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
          onSubmit={() => void save()}
          attrs={{ class: 'plugin-settings settings-form', 'data-testid': 'settings-form' }}
          fieldExtra={(field) =>
            settings.find((s) => s.key === field.key)?.source === scopeSource && (
              <button
                type="button"
                class="btn btn-ghost btn-sm"
                disabled={busy}
                onClick={() => void reset(field.key)}
                data-testid="setting-reset"
              >
                {act('reset')}
              </button>
            )
          }
        >
          <div class="plugin-settings-actions">
            <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="settings-save">
              {busy ? act('saving') : act('saveSettings')}
            </button>
            {message && (
              <span
                class={message.ok ? 'muted small' : 'form-error small'}
                role={message.ok ? 'status' : 'alert'}
                data-testid="settings-message"
              >
                {message.text}
              </span>
            )}
          </div>
        </SchemaForm>
      )}
    </section>
  );
}
