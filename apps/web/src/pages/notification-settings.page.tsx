// Notification preferences (GET/PUT /api/me/notification-preferences): how new cases reach me.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { chime, setAlertPrefs } from '../lib/case-alerts';
import { casesApi } from '../lib/cases.api';
import { notificationSettingsMessages } from '../lib/notification-settings.i18n';
import type { NotificationPrefs } from '../lib/cases.types';
import { PageTitle } from '../components/page-title.component';
import { SignatureCard } from '../components/settings/signature-card.component';

const { t } = notificationSettingsMessages;

// Keys only: the label and hint are looked up at render, so a language switch re-renders them.
const ROWS: { key: keyof NotificationPrefs; label: 'inApp' | 'browser' | 'email' | 'sound' }[] = [
  { key: 'inApp', label: 'inApp' },
  { key: 'browser', label: 'browser' },
  { key: 'email', label: 'email' },
  { key: 'sound', label: 'sound' },
];
const HINTS = { inApp: 'inAppHint', browser: 'browserHint', email: 'emailHint', sound: 'soundHint' } as const;

export function NotificationSettingsPage({ me, onMeChange }: { me: Me; onMeChange?(me: Me): void }) {
  const [prefs, setPrefs] = useState<NotificationPrefs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<keyof NotificationPrefs | null>(null);
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  useEffect(() => {
    casesApi.prefs().then(setPrefs, (err) => setError(err instanceof ApiError ? err.message : t('loadFailed')));
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
      setError(err instanceof ApiError ? err.message : t('saveFailed'));
    } finally {
      setSaving(null);
    }
  };

  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <section class="card settings-card" aria-labelledby="notif-prefs-title" aria-busy={!prefs && !error}>
        <h2 id="notif-prefs-title" class="card-title">
          {t('newCases')}
        </h2>
        <p class="muted">{me.availability === 'available' ? t('available') : t('unavailable')}</p>
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
                <span class="pref-label">{t(row.label)}</span>
              </button>
              <p class="field-hint pref-hint" id={`pref-${row.key}-hint`}>
                {t(HINTS[row.label])}
                {row.key === 'browser' && prefs.browser && permission === 'denied' && ` ${t('blocked')}`}
                {row.key === 'browser' && permission === 'unsupported' && ` ${t('unsupported')}`}
              </p>
              {row.key === 'sound' && (
                <button
                  type="button"
                  class="btn btn-ghost btn-sm pref-test"
                  onClick={chime}
                  data-testid="pref-sound-test"
                >
                  {t('testSound')}
                </button>
              )}
            </div>
          ))}
      </section>
      <SignatureCard me={me} onMeChange={onMeChange} />
    </>
  );
}
