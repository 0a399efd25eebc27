// Bell with unread badge and a dropdown list. Opening the list marks everything as seen.
import { useRef, useState } from 'preact/hooks';
import type { AppNotification } from '../lib/api.types';
import { useDismiss } from '../lib/dismiss.hook';
import { lazyChunk } from './lazy-chunk.component';
import { tt } from '../lib/top-bar.i18n';

interface Props {
  notifications: AppNotification[];
  unread: number;
  onSeen(): void;
  onClear(): void;
}

// The list is a chunk fetched when the bell first opens (notification-panel.component.tsx).
const NotificationPanel = lazyChunk(() => import('./notification-panel.component').then((m) => m.NotificationPanel));

export function NotificationBell({ notifications, unread, onSeen, onClear }: Props) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(open, wrap, trigger, () => setOpen(false));

  const toggle = () => {
    if (!open) onSeen();
    setOpen(!open);
  };

  return (
    <div class="dropdown" ref={wrap}>
      <button
        ref={trigger}
        type="button"
        class="icon-btn bell"
        aria-label={unread ? tt('notificationsUnread', { count: unread }) : tt('notifications')}
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={toggle}
        data-testid="notification-bell"
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path
            d="M6 10a6 6 0 1 1 12 0c0 4 1.5 5.5 2 6H4c.5-.5 2-2 2-6Zm4 8.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span class="badge" data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && <NotificationPanel notifications={notifications} onClear={onClear} onClose={() => setOpen(false)} />}
    </div>
  );
}
