// One settings form for every plugin, driven by the settings schema its manifest declares (the SDK's
// field types: string, number, boolean, select, secret), with the server's field errors shown in place.
import { useState } from 'preact/hooks';
import { ApiError, request } from '../../lib/api.client';
import type { PluginInfo } from '../../lib/api.types';
import { pt } from '../../lib/plugin-permissions.i18n';

type Field = PluginInfo['settingsSchema'][number];
const SECRET_MASK = '********';

interface Props {
  plugin: PluginInfo;
  onSaved(plugin: PluginInfo): void;
}

export function PluginSettingsForm({ plugin, onSaved }: Props) {
  const [values, setValues] = useState<Record<string, unknown>>(() => ({ ...plugin.settings }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: string, value: unknown) => setValues((v) => ({ ...v, [key]: value }));

  const act = async (run: () => Promise<PluginInfo>, okText: string) => {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const saved = await run();
      setValues({ ...saved.settings });
      onSaved(saved);
      setMessage({ ok: true, text: okText });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : pt('saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  const save = (e: Event) => {
    e.preventDefault();
    // Empty optional fields are left out, so the plugin's defaults apply.
    const settings = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
    void act(() => request<PluginInfo>('PUT', `/api/plugins/${plugin.id}/settings`, { settings }), pt('saved'));
  };

  const input = (field: Field) => {
    const id = `plugin-${plugin.id}-${field.key}`;
    const value = values[field.key];
    const common = { id, name: field.key, disabled: busy, 'aria-invalid': errors[field.key] ? true : undefined };
    switch (field.type) {
      case 'boolean':
        return (
          <input
            {...common}
            type="checkbox"
            checked={!!value}
            onChange={(e) => set(field.key, e.currentTarget.checked)}
          />
        );
      case 'select':
        return (
          <select
            {...common}
            value={String(value ?? field.default ?? '')}
            onChange={(e) => set(field.key, e.currentTarget.value)}
          >
            {field.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
      case 'number':
        return (
          <input
            {...common}
            type="number"
            step="any"
            min={field.min}
            max={field.max}
            placeholder={field.default !== undefined ? String(field.default) : undefined}
            value={value === undefined || value === null ? '' : String(value)}
            onInput={(e) => set(field.key, e.currentTarget.value === '' ? '' : Number(e.currentTarget.value))}
          />
        );
      default: {
        const text = value === undefined || value === null ? '' : String(value);
        const onInput = (e: Event) => set(field.key, (e.currentTarget as HTMLInputElement).value);
        return field.type === 'secret' ? (
          <input
            {...common}
            type="password"
            autoComplete="off"
            value={text}
            placeholder={value === SECRET_MASK ? pt('secretKept') : undefined}
            onInput={onInput}
          />
        ) : (
          <input {...common} type="text" autoComplete="off" value={text} onInput={onInput} />
        );
      }
    }
  };

  return (
    <form class="plugin-settings" onSubmit={save} data-testid="plugin-settings" data-plugin-id={plugin.id}>
      {plugin.settingsSchema.length === 0 && <p class="muted small">{pt('noSettings')}</p>}
      {plugin.settingsSchema.map((field) => (
        <div class="field" key={field.key}>
          <label class="field-label" for={`plugin-${plugin.id}-${field.key}`}>
            {field.label}
            {field.required ? ' *' : ''}
          </label>
          {input(field)}
          {errors[field.key]?.map((text) => (
            <span class="form-error small block" key={text}>
              {text}
            </span>
          ))}
        </div>
      ))}
      <div class="plugin-settings-actions">
        {plugin.settingsSchema.length > 0 && (
          <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="plugin-save">
            {busy ? pt('saving') : pt('save')}
          </button>
        )}
        {plugin.enabled ? (
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            disabled={busy}
            data-testid="plugin-disable"
            onClick={() => act(() => request<PluginInfo>('POST', `/api/plugins/${plugin.id}/disable`), pt('disable'))}
          >
            {pt('disable')}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn-secondary btn-sm"
            disabled={busy}
            data-testid="plugin-enable"
            onClick={() =>
              act(
                () =>
                  request<PluginInfo>('POST', `/api/plugins/${plugin.id}/enable`, {
                    grantPermissions: plugin.permissions,
                  }),
                pt('enable'),
              )
            }
          >
            {pt('enable')}
          </button>
        )}
        {message && (
          <span
            class={message.ok ? 'muted small' : 'form-error small'}
            role={message.ok ? 'status' : 'alert'}
            data-testid="plugin-message"
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
