// Signed-in layout: top bar + side menu + routed page. Also owns the live socket, because the
// connection indicator, notifications and availability sync all hang off it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.client';
import type { AppNotification, Me } from '../lib/api.types';
import { connectAgentSocket, type ConnectionState } from '../lib/socket.client';
import { navigate, usePath } from '../lib/router.hook';
import { TopBar } from './top-bar.component';
import { SideMenu } from './side-menu.component';
import { TicketsPage } from '../pages/tickets.page';
import { ChatsPage } from '../pages/chats.page';
import { CasesPage } from '../pages/cases.page';
import { AdminPage } from '../pages/admin.page';
import { NotFoundPage } from '../pages/not-found.page';

interface Props {
  me: Me;
  token?: string;
  onMeChange(me: Me): void;
  onSignOut(): void;
  onSessionLost(): void;
}

const MAX_NOTIFICATIONS = 50;

export function ShellLayout({ me, token, onMeChange, onSignOut, onSessionLost }: Props) {
  const path = usePath();
  const [connection, setConnection] = useState<ConnectionState>('offline');
  const [notifications, setNotifications] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [menuOpen, setMenuOpen] = useState(false);
  // Socket handlers are bound once; read the latest `me` through a ref.
  const meRef = useRef(me);
  meRef.current = me;

  // `/` and `/login` are entry points only: land on the ticket list.
  useEffect(() => {
    if (path === '/' || path === '/login') navigate('/tickets', true);
  }, [path]);

  useEffect(() => {
    const socket = connectAgentSocket(token, {
      onState: setConnection,
      onNotification(n) {
        setNotifications((list) => (list.some((x) => x.id === n.id) ? list : [n, ...list].slice(0, MAX_NOTIFICATIONS)));
        setUnread((c) => c + 1);
        setAnnouncement(`New notification: ${n.title}`);
      },
      onAvailability(availability) {
        // Another tab (or an admin) changed it: mirror it here without a round trip.
        if (meRef.current.availability !== availability) onMeChange({ ...meRef.current, availability });
      },
      onRejected() {
        // Handshake refused: find out whether the session is gone or it was a transient failure.
        api.me().then(
          () => undefined,
          () => onSessionLost(),
        );
      },
    });
    return () => socket.close();
  }, [me.id]);

  // Close the phone drawer whenever the route changes.
  useEffect(() => setMenuOpen(false), [path]);

  return (
    <div class={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar
        me={me}
        connection={connection}
        notifications={notifications}
        unread={unread}
        onNotificationsSeen={() => setUnread(0)}
        onNotificationsClear={() => {
          setNotifications([]);
          setUnread(0);
        }}
        onMeChange={onMeChange}
        onSignOut={onSignOut}
        menuOpen={menuOpen}
        onMenuToggle={() => setMenuOpen((o) => !o)}
      />
      <SideMenu role={me.role} path={path} onClose={() => setMenuOpen(false)} open={menuOpen} />
      {menuOpen && <div class="backdrop" onClick={() => setMenuOpen(false)} aria-hidden="true" />}
      <main id="main" class="content">
        {renderPage(path, me)}
      </main>
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

function renderPage(path: string, me: Me) {
  switch (path.replace(/\/+$/, '') || '/') {
    case '/':
    case '/login':
    case '/tickets':
      return <TicketsPage />;
    case '/chats':
      return <ChatsPage />;
    case '/cases':
      return <CasesPage />;
    case '/admin':
      return me.role === 'admin' ? <AdminPage /> : <NotFoundPage title="Admin" message="Only administrators can open this page." />;
    default:
      return <NotFoundPage title="Page not found" message="There is nothing at this address." />;
  }
}
