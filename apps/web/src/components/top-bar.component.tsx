// Top bar: drawer toggle (phones), product name, global search (#20), availability switch, live indicator (only when down),
// notifications, profile.
import type { AppNotification, Me } from '../lib/api.types';
import type { ConnectionState } from '../lib/socket.client';
import { linkClick } from '../lib/router.hook';
import { AgentStateSelect } from './agent-state-select.component';
import { AvailabilitySwitch } from './availability-switch.component';
import { ConnectionStatus } from './connection-status.component';
import { NotificationBell } from './notification-bell.component';
import { ProfileMenu } from './profile-menu.component';
import { GlobalSearch } from './search/global-search.component';
import { tt } from '../lib/top-bar.i18n';

interface Props {
  me: Me;
  connection: ConnectionState;
  notifications: AppNotification[];
  unread: number;
  onNotificationsSeen(): void;
  onNotificationsClear(): void;
  onMeChange(me: Me): void;
  onSignOut(): void;
  menuOpen: boolean;
  onMenuToggle(): void;
}

export function TopBar(props: Props) {
  return (
    <header class="topbar">
      <button
        type="button"
        class="icon-btn menu-toggle"
        aria-label={tt('navigation')}
        aria-expanded={props.menuOpen}
        aria-controls="side-menu"
        onClick={props.onMenuToggle}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
      <a class="brand" href="/tickets" onClick={(e) => linkClick(e, '/tickets')}>
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">{tt('brand')}</span>
      </a>
      <GlobalSearch />
      <div class="topbar-actions">
        <ConnectionStatus state={props.connection} />
        <AgentStateSelect me={props.me} onMeChange={props.onMeChange} />
        <AvailabilitySwitch me={props.me} onMeChange={props.onMeChange} />
        <NotificationBell
          notifications={props.notifications}
          unread={props.unread}
          onSeen={props.onNotificationsSeen}
          onClear={props.onNotificationsClear}
        />
        <ProfileMenu me={props.me} onMeChange={props.onMeChange} onSignOut={props.onSignOut} />
      </div>
    </header>
  );
}
