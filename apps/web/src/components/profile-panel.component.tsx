// The profile menu's panel (#16): who is signed in, the console's language, notification settings
// and sign out. A chunk fetched when the menu first opens (profile-menu.component.tsx).
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { isLanguage, language, LANGUAGES, setLanguage, type Language } from '../lib/i18n';
import { profileMessages } from '../lib/profile-menu.i18n';
import { linkClick } from '../lib/router.hook';

interface Props {
  me: Me;
  onMeChange(me: Me): void;
  onSignOut(): void;
  onClose(): void;
}

const { t } = profileMessages;
/** Each language in its own name, so a reader of the other one still finds theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

export function ProfilePanel({ me, onMeChange, onSignOut, onClose }: Props) {
  const [languageError, setLanguageError] = useState<string | null>(null);
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
          onClose();
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
  );
}
