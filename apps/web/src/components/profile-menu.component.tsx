// Profile dropdown: who is signed in, the console's language (#16), notification settings and sign
// out (the panel: profile-panel.component.tsx). Availability is the top-bar switch
// (availability-switch.component.tsx); the avatar ring still mirrors it.
import { useRef, useState } from 'preact/hooks';
import type { Me } from '../lib/api.types';
import { profileMessages } from '../lib/profile-menu.i18n';
import { useDismiss } from '../lib/dismiss.hook';
import { lazyChunk } from './lazy-chunk.component';

interface Props {
  me: Me;
  onMeChange(me: Me): void;
  onSignOut(): void;
}

const { t } = profileMessages;
// The panel (language switch, links, sign out) is a chunk fetched when the menu first opens.
const ProfilePanel = lazyChunk(() => import('./profile-panel.component').then((m) => m.ProfilePanel));

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function ProfileMenu({ me, onMeChange, onSignOut }: Props) {
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
      {open && <ProfilePanel me={me} onMeChange={onMeChange} onSignOut={onSignOut} onClose={() => setOpen(false)} />}
    </div>
  );
}
