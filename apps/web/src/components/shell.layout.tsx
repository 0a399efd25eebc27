// Signed-in layout: top bar + side menu + routed page. Also owns the live socket, because the
// connection indicator, notifications and availability sync all hang off it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.client';
import type { AppNotification, Me } from '../lib/api.types';
import { connectAgentSocket, type AgentSocket, type ConnectionState } from '../lib/socket.client';
import { LiveContext } from '../lib/live.context';
import { navigate, usePath } from '../lib/router.hook';
import { TopBar } from './top-bar.component';
import { SideMenu } from './side-menu.component';
import { TicketListPage } from '../pages/ticket-list.page';
import { LazyPage } from './lazy-page.component';
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
  const [live, setLive] = useState<AgentSocket | null>(null);
  // Socket handlers are bound once; read the latest `me` through a ref.
  const meRef = useRef(me);
  meRef.current = me;
  const liveIds = useRef(new Set<string>());

  // `/` and `/login` are entry points only: land on the ticket list.
  useEffect(() => {
    if (path === '/' || path === '/login') navigate('/tickets', true);
  }, [path]);

  // Stored notifications (e.g. @notify while offline) so the bell survives reloads; live ones merge in by id.
  useEffect(() => {
    api.notifications().then(
      (page) => {
        // Skip what already arrived live (counted then), so nothing is listed or counted twice.
        const stored = page.items.filter((n) => !liveIds.current.has(n.id));
        setNotifications((live) => [...live, ...stored].slice(0, MAX_NOTIFICATIONS));
        setUnread((live) => live + stored.filter((n) => !n.read).length);
      },
      () => undefined,
    );
  }, [me.id]);

  useEffect(() => {
    const socket = connectAgentSocket(token, {
      onState: setConnection,
      onNotification(n) {
        liveIds.current.add(n.id);
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
    setLive(socket);
    return () => {
      setLive(null);
      socket.close();
    };
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
        onNotificationsSeen={() => {
          if (unread) api.markNotificationsRead().catch(() => undefined);
          setUnread(0);
        }}
        onNotificationsClear={() => {
          api.markNotificationsRead().catch(() => undefined);
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
      <LiveContext.Provider value={live}>
        <main id="main" class="content">
          {renderPage(path, me)}
        </main>
      </LiveContext.Provider>
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

// The ticket page and the new-ticket form are split into their own chunks: the list (landing page)
// loads first, the heavier conversation code only when a ticket is opened.
const loadTicketPage = () => import('../pages/ticket.page').then((m) => m.TicketPage);
const loadNewTicketPage = () => import('../pages/new-ticket.page').then((m) => m.NewTicketPage);

function renderPage(path: string, me: Me) {
  const clean = path.replace(/\/+$/, '') || '/';
  const ticket = /^\/tickets\/(\d+)$/.exec(clean);
  if (ticket) return <LazyPage key={`ticket-${ticket[1]}`} load={loadTicketPage} props={{ number: Number(ticket[1]), me }} />;
  switch (clean) {
    case '/':
    case '/login':
    case '/tickets':
      return <TicketListPage me={me} />;
    case '/tickets/new':
      return <LazyPage load={loadNewTicketPage} props={{ me }} />;
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
