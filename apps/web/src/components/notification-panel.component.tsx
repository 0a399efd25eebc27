// The notification bell's list (newest first, in-app links), a chunk fetched when the bell first
// opens (notification-bell.component.tsx). Times in the console's language, read at each render.
import type { AppNotification } from '../lib/api.types';
import { formatDate } from '../lib/i18n';
import { linkClick } from '../lib/router.hook';
import { tt } from '../lib/top-bar.i18n';

interface Props {
  notifications: AppNotification[];
  onClear(): void;
  onClose(): void;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' };

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatDate(d, TIME);
}

export function NotificationPanel({ notifications, onClear, onClose }: Props) {
  return (
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
                    onClose();
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
  );
}
