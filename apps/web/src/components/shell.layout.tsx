// Signed-in layout: top bar + side menu + routed page. Also owns the live socket, because the
// connection indicator, notifications and availability sync all hang off it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, request } from '../lib/api.client';
import { alertNewCase, CASES_SEEN_EVENT, loadAlertPrefs } from '../lib/case-alerts';
import type { AppNotification, Me } from '../lib/api.types';
import { connectAgentSocket, type AgentSocket, type ConnectionState } from '../lib/socket.client';
import { LiveContext } from '../lib/live.context';
import { navigate, usePath } from '../lib/router.hook';
import { TopBar } from './top-bar.component';
import { SideMenu } from './side-menu.component';
import { TicketListPage } from '../pages/ticket-list.page';
import { LazyPage } from './lazy-page.component';
import { ChatRequests } from './chat/chat-requests.component';
import { ContactOfferHost } from './contact-offer-host.component';
import { NotFoundPage } from '../pages/not-found.page';
import { ShortcutsOverlay } from './shortcuts-overlay.component';
import { tt } from '../lib/top-bar.i18n';

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
  // New cases not yet seen in the Unassigned column (red dot on the Cases menu item).
  const [casesUnseen, setCasesUnseen] = useState(0);

  const available = me.availability === 'available';
  useEffect(() => {
    loadAlertPrefs();
    const seen = () => setCasesUnseen(0);
    addEventListener(CASES_SEEN_EVENT, seen);
    return () => removeEventListener(CASES_SEEN_EVENT, seen);
  }, [me.id]);
  // Unavailable technicians do not see incoming requests (no case.created reaches them, no dot);
  // turning available again asks for what is waiting now.
  useEffect(() => {
    if (!available) return setCasesUnseen(0);
    request<{ unseen: number }>('GET', '/api/cases/unseen', undefined, false).then(
      (r) => setCasesUnseen(r?.unseen ?? 0),
      () => undefined, // cases backend not enabled
    );
  }, [me.id, available]);

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
        setAnnouncement(tt('newNotification', { title: n.title }));
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
      onSessionEnded() {
        onSessionLost();
      },
      onAccessChanged() {
        // Role, companies or permissions changed: the menu and what pages show follow the new scope.
        api.me().then(
          (fresh) => onMeChange(fresh),
          () => onSessionLost(),
        );
      },
    });
    socket.on('case.created', (e) => {
      // The server sends these to available technicians only; a late one after switching off is dropped.
      if (!e?.case || meRef.current.availability !== 'available') return;
      alertNewCase(e, (id) => navigate(`/cases/${id}`));
      setCasesUnseen((n) => Math.max(e.unseen ?? n + 1, 1));
    });
    setLive(socket);
    return () => {
      setLive(null);
      socket.close();
    };
  }, [me.id]);

  // Close the phone drawer whenever the route changes.
  useEffect(() => setMenuOpen(false), [path]);

  // The provider wraps the top bar too: its agent state follows `agent.state_changed`.
  return (
    <LiveContext.Provider value={live}>
      <div class={`shell${menuOpen ? ' menu-open' : ''}`}>
        <a class="skip-link" href="#main">
          {tt('skipToContent')}
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
        <SideMenu
          role={me.role}
          path={path}
          onClose={() => setMenuOpen(false)}
          open={menuOpen}
          dots={{ '/cases': available && casesUnseen > 0 }}
        />
        {menuOpen && <div class="backdrop" onClick={() => setMenuOpen(false)} aria-hidden="true" />}
        <main id="main" class="content">
          {renderPage(path, me, onMeChange)}
        </main>
        <ChatRequests />
        <ContactOfferHost me={me} />
        <ShortcutsOverlay />
        <div class="visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </div>
    </LiveContext.Provider>
  );
}

// The ticket page and the new-ticket form are split into their own chunks: the list (landing page)
// loads first, the heavier conversation code only when a ticket is opened.
const loadTicketPage = () => import('../pages/ticket.page').then((m) => m.TicketPage);
const loadNewTicketPage = () => import('../pages/new-ticket.page').then((m) => m.NewTicketPage);
// Cases, admin and settings screens are chunks of their own too (most technicians live in tickets).
const loadCasesPage = () => import('../pages/cases.page').then((m) => m.CasesPage);
const loadAdminPage = () => import('../pages/admin.page').then((m) => m.AdminPage);
const loadChatsPage = () => import('../pages/chats.page').then((m) => m.ChatsPage);
const loadDevicesPage = () => import('../pages/devices.page').then((m) => m.DevicesPage);
const loadNotificationSettingsPage = () =>
  import('../pages/notification-settings.page').then((m) => m.NotificationSettingsPage);

function renderPage(path: string, me: Me, onMeChange: (me: Me) => void) {
  const clean = path.replace(/\/+$/, '') || '/';
  const ticket = /^\/tickets\/(\d+)$/.exec(clean);
  if (ticket)
    return <LazyPage key={`ticket-${ticket[1]}`} load={loadTicketPage} props={{ number: Number(ticket[1]), me }} />;
  // One key for /cases and /cases/:id so picking a case keeps the page (and its live lists) mounted.
  const cases = /^\/cases(?:\/([^/]+))?$/.exec(clean);
  if (cases)
    return (
      <LazyPage
        key="cases"
        load={loadCasesPage}
        props={{ me, caseId: cases[1] ? decodeURIComponent(cases[1]) : null }}
      />
    );
  // One key for /chats and /chats/:id: switching chats keeps the workspace (and its live list) mounted.
  const chats = /^\/chats(?:\/([^/]+))?$/.exec(clean);
  if (chats)
    return (
      <LazyPage
        key="chats"
        load={loadChatsPage}
        props={{ me, chatId: chats[1] ? decodeURIComponent(chats[1]) : null }}
      />
    );
  const devices = /^\/devices(?:\/([^/]+))?$/.exec(clean);
  if (devices)
    return (
      <LazyPage
        key={`devices-${devices[1] ?? ''}`}
        load={loadDevicesPage}
        props={{ deviceId: devices[1] ? decodeURIComponent(devices[1]) : null }}
      />
    );
  // One key for /admin and /admin/:section: the admin area keeps its sub-navigation mounted.
  const admin = /^\/admin(?:\/([a-z-]+))?$/.exec(clean);
  if (admin)
    return me.role === 'admin' ? (
      <LazyPage key="admin" load={loadAdminPage} props={{ me, section: admin[1] ?? null }} />
    ) : (
      <NotFoundPage title={tt('adminTitle')} message={tt('adminOnly')} />
    );
  switch (clean) {
    case '/':
    case '/login':
    case '/tickets':
      return <TicketListPage me={me} />;
    case '/tickets/new':
      return <LazyPage load={loadNewTicketPage} props={{ me }} />;
    case '/settings/notifications':
      return <LazyPage load={loadNotificationSettingsPage} props={{ me, onMeChange }} />;
    default:
      return <NotFoundPage title={tt('notFoundTitle')} message={tt('notFoundMessage')} />;
  }
}
