// The portal form's proactive chat fields (#14): the embed widget invites the visitor after some
// seconds on a matching page. Off = no rules stored (null).
import type { PortalProactive } from '../../lib/cases.api';
import { portalsAdminMessages } from '../../lib/portals-admin.i18n';

const { t } = portalsAdminMessages;

interface Props {
  value: PortalProactive | null;
  errors: Record<string, string>;
  onChange(value: PortalProactive | null): void;
}

const DEFAULT: PortalProactive = { delaySeconds: 30, urlContains: [], message: null, messageFr: null };

export function PortalProactiveFields({ value, errors, onChange }: Props) {
  const err = (k: string) => {
    // Nested fields come back as `proactive.delaySeconds`, arrays as `proactive.urlContains.0`.
    const key = Object.keys(errors).find((e) => e === `proactive.${k}` || e.startsWith(`proactive.${k}.`));
    return (
      key && (
        <span class="field-error" data-testid={`portal-form-error-proactive-${k}`}>
          {errors[key]}
        </span>
      )
    );
  };
  const set = (patch: Partial<PortalProactive>) => value && onChange({ ...value, ...patch });
  return (
    <fieldset class="field span-2 portal-proactive" data-testid="portal-form-proactive">
      <legend class="field-label">{t('proactiveTitle')}</legend>
      <label class="check-row">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.currentTarget.checked ? (value ?? DEFAULT) : null)}
          aria-describedby="portal-proactive-hint"
          data-testid="portal-form-proactive-enabled"
        />
        {t('proactiveEnabled')}
      </label>
      <span id="portal-proactive-hint" class="muted small">
        {t('proactiveHint')}
      </span>
      {value && (
        <div class="form-grid">
          <div class="field">
            <label class="field-label" for="portal-proactive-delay">
              {t('proactiveDelay')}
            </label>
            <input
              id="portal-proactive-delay"
              type="number"
              min={0}
              max={3600}
              value={value.delaySeconds}
              onInput={(e) => set({ delaySeconds: Number((e.currentTarget as HTMLInputElement).value) })}
              data-testid="portal-form-proactive-delay"
            />
            {err('delaySeconds')}
          </div>
          <div class="field">
            <label class="field-label" for="portal-proactive-urls">
              {t('proactiveUrls')}
            </label>
            <input
              id="portal-proactive-urls"
              value={value.urlContains.join(', ')}
              placeholder={t('proactiveUrlsPlaceholder')}
              onInput={(e) =>
                set({
                  urlContains: (e.currentTarget as HTMLInputElement).value
                    .split(',')
                    .map((part) => part.trim())
                    .filter(Boolean),
                })
              }
              aria-describedby="portal-proactive-urls-hint"
              data-testid="portal-form-proactive-urls"
            />
            <span id="portal-proactive-urls-hint" class="muted small">
              {t('proactiveUrlsHint')}
            </span>
            {err('urlContains')}
          </div>
          <div class="field">
            <label class="field-label" for="portal-proactive-message">
              {t('proactiveMessage')}
            </label>
            <input
              id="portal-proactive-message"
              maxLength={200}
              value={value.message ?? ''}
              placeholder={t('proactiveMessagePlaceholder')}
              onInput={(e) => set({ message: (e.currentTarget as HTMLInputElement).value })}
              data-testid="portal-form-proactive-message"
            />
            {err('message')}
          </div>
          <div class="field">
            <label class="field-label" for="portal-proactive-message-fr">
              {t('proactiveMessageFr')}
            </label>
            <input
              id="portal-proactive-message-fr"
              maxLength={200}
              value={value.messageFr ?? ''}
              placeholder={t('proactiveMessageFrPlaceholder')}
              onInput={(e) => set({ messageFr: (e.currentTarget as HTMLInputElement).value })}
              data-testid="portal-form-proactive-message-fr"
            />
            {err('messageFr')}
          </div>
        </div>
      )}
    </fieldset>
  );
}
