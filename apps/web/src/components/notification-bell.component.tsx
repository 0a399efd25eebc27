// Bell with unread badge and a dropdown list. Opening the list marks everything as seen.
import { useRef, useState } from 'preact/hooks';
import type { AppNotification } from '../lib/api.types';
import { useDismiss } from '../lib/dismiss.hook';
import { linkClick } from '../lib/router.hook';
import { tt } from '../lib/top-bar.i18n';

interface Props {
  notifications: AppNotification[];
  unread: number;
  onSeen(): void;
  onClear(): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'short',
});

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d);
}

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
      {open && (
        <div
          id="notification-panel"
          class="panel panel-wide"
          role="region"
          aria-label={tt('notifications')}
          data-testid="notification-list"
        >
          <div class="panel-head">
            <span class="panel-title">{tt('notifications')}</span>
            {notifications.length > 0 && (
              <button type="button" class="link-btn" onClick={onClear}>
                {tt('clearAll')}
              </button>
            )}
          </div>
          {notifications.length === 0 ? (
            <p class="panel-empty">{tt('caughtUp')}</p>
          ) : (
            <ul class="notif-list">
              {notifications.map((n) => (
                <li key={n.id} class="notif">
                  {/* Only in-app paths become links (never an absolute URL from a payload). */}
                  {n.link && n.link.startsWith('/') && !n.link.startsWith('//') ? (
                    <a
                      class="notif-title"
                      href={n.link}
                      onClick={(e) => {
                        linkClick(e, n.link!);
                        setOpen(false);
                      }}
                    >
                      {n.title}
                    </a>
                  ) : (
                    <span class="notif-title">{n.title}</span>
                  )}
                  {n.body && <span class="notif-body">{n.body}</span>}
                  <time class="notif-time" dateTime={n.createdAt}>
                    {formatTime(n.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
