// Profile dropdown: who is signed in, the console's language (#16), notification settings and sign
// out. Availability is the top-bar switch (availability-switch.component.tsx); the avatar ring still
// mirrors it.
import { useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { isLanguage, language, LANGUAGES, setLanguage, type Language } from '../lib/i18n';
import { profileMessages } from '../lib/profile-menu.i18n';
import { useDismiss } from '../lib/dismiss.hook';
import { linkClick } from '../lib/router.hook';

interface Props {
  me: Me;
  onMeChange(me: Me): void;
  onSignOut(): void;
}

const { t } = profileMessages;
/** Each language in its own name, so a reader of the other one still finds theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function ProfileMenu({ me, onMeChange, onSignOut }: Props) {
  const [open, setOpen] = useState(false);
  const [languageError, setLanguageError] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(open, wrap, trigger, () => setOpen(false));

  const available = me.availability === 'available';

  const chooseLanguage = async (next: string) => {
    if (!isLanguage(next)) return;
    setLanguageError(null);
    try {
      const saved = await request<{ language: Language }>('PUT', '/api/me', { language: next });
      onMeChange({ ...me, language: saved.language });
      setLanguage(saved.language);
    } catch (err) {
      setLanguageError(err instanceof ApiError ? err.message : t('languageSaveFailed'));
    }
  };

  return (
    <div class="dropdown" ref={wrap}>
      <button
        ref={trigger}
        type="button"
        class="profile-btn"
        aria-expanded={open}
        aria-controls="profile-panel"
        aria-label={t('menuFor', { name: me.name })}
        onClick={() => setOpen(!open)}
        data-testid="profile-menu"
      >
        <span class={`avatar ${available ? 'is-available' : 'is-unavailable'}`} aria-hidden="true">
          {initials(me.name)}
        </span>
        <span class="profile-name">{me.name}</span>
        <svg class="chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
      {open && (
        <div id="profile-panel" class="panel" role="region" aria-label={t('account')}>
          <div class="profile-head">
            <span class="profile-head-name">{me.name}</span>
            <span class="profile-head-email">{me.email}</span>
            <span class="role-tag">{me.role === 'admin' ? t('admin') : t('technician')}</span>
          </div>
          <label class="menu-field">
            <span>{t('language')}</span>
            <select
              value={language()}
              onChange={(e) => void chooseLanguage((e.target as HTMLSelectElement).value)}
              data-testid="language-select"
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          {languageError && (
            <p class="form-error small" role="alert">
              {languageError}
            </p>
          )}
          <a
            href="/settings/notifications"
            class="menu-link"
            onClick={(e) => {
              setOpen(false);
              linkClick(e, '/settings/notifications');
            }}
            data-testid="notification-settings-link"
          >
            {t('notificationSettings')}
          </a>
          <button type="button" class="menu-item" onClick={onSignOut} data-testid="sign-out">
            {t('signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
