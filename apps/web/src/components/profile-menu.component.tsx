// Profile dropdown: availability switch (drives chat routing) and sign out.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { useDismiss } from '../lib/dismiss.hook';
import { linkClick } from '../lib/router.hook';

interface Props {
  me: Me;
  onMeChange(me: Me): void;
  onSignOut(): void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function ProfileMenu({ me, onMeChange, onSignOut }: Props) {
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(open, wrap, trigger, () => setOpen(false));

  const available = me.availability === 'available';

  const toggleAvailability = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      // Not optimistic: the switch must reflect what the server will route on.
      onMeChange(await api.setAvailability(!available));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not update availability');
    } finally {
      setSaving(false);
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
        aria-label={`Account menu for ${me.name}`}
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
        <div id="profile-panel" class="panel" role="region" aria-label="Account">
          <div class="profile-head">
            <span class="profile-head-name">{me.name}</span>
            <span class="profile-head-email">{me.email}</span>
            <span class="role-tag">{me.role === 'admin' ? 'Administrator' : 'Technician'}</span>
          </div>
          <button
            type="button"
            role="switch"
            class="switch-row"
            aria-checked={available}
            aria-busy={saving}
            disabled={saving}
            onClick={toggleAvailability}
            data-testid="availability-toggle"
            data-availability={me.availability}
          >
            <span class="switch" aria-hidden="true">
              <span class="switch-knob" />
            </span>
            <span>{available ? 'Available for chat requests' : 'Unavailable'}</span>
          </button>
          {error && (
            <p class="panel-error" role="alert">
              {error}
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
            Notification settings
          </a>
          <button type="button" class="menu-item" onClick={onSignOut} data-testid="sign-out">
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
