// One settings form for every plugin, driven by the settings schema its manifest declares (the SDK's
// field types: string, number, boolean, select, secret), on the shared SchemaForm; enable/disable beside it.
import { useState } from 'preact/hooks';
import { ApiError, request } from '../../lib/api.client';
import type { PluginInfo } from '../../lib/api.types';
import { pt } from '../../lib/plugin-permissions.i18n';
import { SchemaForm, type SchemaField } from './schema-form.component';

type Field = PluginInfo['settingsSchema'][number];
const SECRET_MASK = '********';

interface Props {
  plugin: PluginInfo;
  onSaved(plugin: PluginInfo): void;
}

/** A manifest field as a schema-form field (selects start on their default, numbers show it). */
function toSchemaField(field: Field, value: unknown): SchemaField {
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    options: field.options,
    min: field.min,
    max: field.max,
    placeholder:
      field.type === 'secret'
        ? value === SECRET_MASK
          ? pt('secretKept')
          : undefined
        : field.type === 'number' && field.default !== undefined
          ? String(field.default)
          : undefined,
  };
}

export function PluginSettingsForm({ plugin, onSaved }: Props) {
  const [values, setValues] = useState<Record<string, unknown>>(() => ({ ...plugin.settings }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

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

  const save = () => {
    // Empty optional fields are left out, so the plugin's defaults apply.
    const settings = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
    void act(() => request<PluginInfo>('PUT', `/api/plugins/${plugin.id}/settings`, { settings }), pt('saved'));
  };

  // A select shows its default until the admin picks another value.
  const shown = Object.fromEntries(
    plugin.settingsSchema.map((f) => [f.key, f.type === 'select' ? (values[f.key] ?? f.default ?? '') : values[f.key]]),
  );

  return (
    <SchemaForm
      idPrefix={`plugin-${plugin.id}`}
      fields={plugin.settingsSchema.map((f) => toSchemaField(f, values[f.key]))}
      values={shown}
      errors={errors}
      busy={busy}
      onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
      onSubmit={save}
      attrs={{ class: 'plugin-settings', 'data-testid': 'plugin-settings', 'data-plugin-id': plugin.id }}
      header={plugin.settingsSchema.length === 0 && <p class="muted small">{pt('noSettings')}</p>}
    >
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
    </SchemaForm>
  );
}
