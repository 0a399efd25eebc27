// The technician's chat availability, the main control of the top bar (#15.10): the same setting as
// PUT /api/me/availability (chat routing, case alerts, the notification settings page).
import { useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { tt } from '../lib/top-bar.i18n';
import './top-bar.css';

interface Props {
  me: Me;
  onMeChange(me: Me): void;
}

export function AvailabilitySwitch({ me, onMeChange }: Props) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const available = me.availability === 'available';

  const toggle = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      // Not optimistic: the switch must reflect what the server will route on.
      onMeChange(await api.setAvailability(!available));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : tt('saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="availability">
      <button
        type="button"
        role="switch"
        class={`switch-row availability-switch ${available ? 'is-available' : 'is-unavailable'}`}
        aria-checked={available}
        aria-busy={saving}
        disabled={saving}
        title={available ? tt('availableHint') : tt('unavailableHint')}
        onClick={toggle}
        data-testid="availability-toggle"
        data-availability={me.availability}
      >
        <span class="switch" aria-hidden="true">
          <span class="switch-knob" />
        </span>
        <span class="visually-hidden">{tt('switchLabel')}</span>
        <span class="availability-text" data-testid="availability-text">
          {available ? tt('available') : tt('unavailable')}
        </span>
      </button>
      {error && (
        <p class="availability-error" role="alert" data-testid="availability-error">
          {error}
        </p>
      )}
    </div>
  );
}
