// Profile dropdown: who is signed in, notification settings and sign out. Availability is the
// top-bar switch (availability-switch.component.tsx); the avatar ring still mirrors it.
import { useRef, useState } from 'preact/hooks';
import type { Me } from '../lib/api.types';
import { useDismiss } from '../lib/dismiss.hook';
import { linkClick } from '../lib/router.hook';

interface Props {
  me: Me;
  onSignOut(): void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function ProfileMenu({ me, onSignOut }: Props) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(open, wrap, trigger, () => setOpen(false));

  const available = me.availability === 'available';

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
