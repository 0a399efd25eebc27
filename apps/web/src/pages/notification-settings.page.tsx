// Notification preferences (GET/PUT /api/me/notification-preferences): how new cases reach me.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { chime, setAlertPrefs } from '../lib/case-alerts';
import { casesApi } from '../lib/cases.api';
import type { NotificationPrefs } from '../lib/cases.types';
import { PageTitle } from '../components/page-title.component';
import { SignatureCard } from '../components/settings/signature-card.component';

const ROWS: { key: keyof NotificationPrefs; label: string; hint: string }[] = [
  { key: 'inApp', label: 'In-app notifications', hint: 'New cases appear under the bell in the top bar.' },
  {
    key: 'browser',
    label: 'Browser notifications',
    hint: 'A system notification when Switchboard is in a background tab.',
  },
  { key: 'email', label: 'Email', hint: 'An email for each new case of your companies.' },
  { key: 'sound', label: 'Sound', hint: 'A short chime for new cases while you are available for chat requests.' },
];

export function NotificationSettingsPage({ me, onMeChange }: { me: Me; onMeChange?(me: Me): void }) {
  const [prefs, setPrefs] = useState<NotificationPrefs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<keyof NotificationPrefs | null>(null);
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  useEffect(() => {
    casesApi
      .prefs()
      .then(setPrefs, (err) => setError(err instanceof ApiError ? err.message : 'Could not load your preferences'));
  }, []);

  const toggle = async (key: keyof NotificationPrefs) => {
    if (!prefs || saving) return;
    const value = !prefs[key];
    setSaving(key);
    setError(null);
    try {
      if (key === 'browser' && value && typeof Notification !== 'undefined' && Notification.permission === 'default') {
        setPermission(await Notification.requestPermission());
      }
      const saved = await casesApi.savePrefs({ [key]: value });
      setPrefs(saved);
      setAlertPrefs(saved);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save');
    } finally {
      setSaving(null);
    }
  };

  return (
    <>
      <PageTitle title="Notification settings">Notification settings</PageTitle>
      <section class="card settings-card" aria-labelledby="notif-prefs-title" aria-busy={!prefs && !error}>
        <h2 id="notif-prefs-title" class="card-title">
          New cases
        </h2>
        <p class="muted">
          {me.availability === 'available'
            ? 'You are available for chat requests: new live chats alert you as chosen below.'
            : 'You are unavailable: you get no alerts for incoming chats until you switch to available in the top bar.'}
        </p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {prefs &&
          ROWS.map((row) => (
            <div class="pref-row" key={row.key}>
              <button
                type="button"
                role="switch"
                class="switch-row"
                aria-checked={prefs[row.key]}
                aria-describedby={`pref-${row.key}-hint`}
                disabled={saving === row.key}
                onClick={() => toggle(row.key)}
                data-testid={`pref-${row.key}`}
              >
                <span class="switch" aria-hidden="true">
                  <span class="switch-knob" />
                </span>
                <span class="pref-label">{row.label}</span>
              </button>
              <p class="field-hint pref-hint" id={`pref-${row.key}-hint`}>
                {row.hint}
                {row.key === 'browser' &&
                  prefs.browser &&
                  permission === 'denied' &&
                  ' Your browser blocks notifications for this site; allow them in its site settings.'}
                {row.key === 'browser' && permission === 'unsupported' && ' Not supported by this browser.'}
              </p>
              {row.key === 'sound' && (
                <button
                  type="button"
                  class="btn btn-ghost btn-sm pref-test"
                  onClick={chime}
                  data-testid="pref-sound-test"
                >
                  Play test sound
                </button>
              )}
            </div>
          ))}
      </section>
      <SignatureCard me={me} onMeChange={onMeChange} />
    </>
  );
}
