// Admin → Plugins: the installed plugins, their permissions, enable and the settings form.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api.client';
import type { PluginInfo } from '../../lib/api.types';
import { EmptyState } from '../empty-state.component';
import { describePermission, pluginMessages, pt } from '../../lib/plugin-permissions.i18n';
import { PluginSettingsForm } from './plugin-settings-form.component';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; plugins: PluginInfo[] };

export function PluginsAdmin() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let alive = true;
    api.plugins().then(
      (plugins) => alive && setState({ kind: 'ready', plugins: Array.isArray(plugins) ? plugins : [] }),
      (err) => alive && setState({ kind: 'error', message: err instanceof ApiError ? err.message : pt('loadFailed') }),
    );
    return () => {
      alive = false;
    };
  }, []);

  return (
    <>
      <section class="card" aria-labelledby="plugins-heading" aria-busy={state.kind === 'loading'}>
        <h2 id="plugins-heading" class="card-title">
          {pt('plugins')}
        </h2>
        {state.kind === 'loading' && <p class="muted">{pt('loading')}</p>}
        {state.kind === 'error' && (
          <p class="form-error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'ready' && state.plugins.length === 0 && <EmptyState title={pt('empty')} />}
        {state.kind === 'ready' && state.plugins.length > 0 && (
          <div class="table-wrap">
            <table class="table" data-testid="plugins-table">
              <thead>
                <tr>
                  <th scope="col">{pt('plugin')}</th>
                  <th scope="col">{pt('kind')}</th>
                  <th scope="col">{pt('status')}</th>
                  <th scope="col">{pt('permissions')}</th>
                  <th scope="col">{pt('settings')}</th>
                </tr>
              </thead>
              <tbody>
                {state.plugins.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <span class="mono">{p.id}</span>
                      <span class="muted small"> {pt('version', { version: p.version })}</span>
                    </td>
                    <td>{pluginMessages.tOr(`kind.${p.kind}`, p.kind)}</td>
                    <td>
                      <span class={`pill pill-${statusTone(p)}`}>
                        {p.enabled ? pluginMessages.tOr(`status.${p.status}`, p.status) : pt('disabled')}
                      </span>
                      {p.statusReason && <span class="muted small block">{p.statusReason}</span>}
                    </td>
                    <td>
                      {p.permissions.length === 0 ? (
                        <span class="muted">{pt('none')}</span>
                      ) : (
                        <ul class="perm-list">
                          {p.permissions.map((perm) => {
                            const granted = p.grantedPermissions.includes(perm);
                            return (
                              <li
                                key={perm}
                                class={`${granted ? 'perm granted' : 'perm'}${perm.startsWith('net:') ? ' perm-net' : ''}`}
                                data-permission={perm}
                              >
                                <span aria-hidden="true">{granted ? '✓' : '–'}</span> <span class="mono">{perm}</span>
                                <span class="muted small block">{describePermission(perm)}</span>
                                <span class="visually-hidden">{granted ? pt('granted') : pt('notGranted')}</span>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </td>
                    <td>
                      <details data-testid="plugin-settings-toggle" data-plugin-id={p.id}>
                        <summary>{pt('settings')}</summary>
                        <PluginSettingsForm
                          plugin={p}
                          onSaved={(saved) =>
                            setState((st) =>
                              st.kind === 'ready'
                                ? { kind: 'ready', plugins: st.plugins.map((x) => (x.id === saved.id ? saved : x)) }
                                : st,
                            )
                          }
                        />
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

// Colour only supports the text label; it never carries meaning on its own.
function statusTone(p: PluginInfo): 'ok' | 'warn' | 'off' {
  if (!p.enabled) return 'off';
  return /^(active|running|ok|enabled|loaded)$/i.test(p.status) ? 'ok' : 'warn';
}
