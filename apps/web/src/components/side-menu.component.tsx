// Primary navigation. On phones it becomes an off-canvas drawer (see .menu-open in styles.css).
import type { Role } from '../lib/api.types';
import { linkClick } from '../lib/router.hook';
import { tt, type TopBarStrings } from '../lib/top-bar.i18n';

/** Labels are catalogue keys, translated in render so a language switch follows. */
type TopBarKey = keyof TopBarStrings;

interface Props {
  role: Role;
  path: string;
  open: boolean;
  onClose(): void;
  /** Red dot per item path (e.g. new cases not yet seen). */
  dots?: Record<string, boolean>;
}

const ITEMS: { path: string; label: TopBarKey; icon: string; adminOnly?: boolean }[] = [
  {
    path: '/tickets',
    label: 'navTickets',
    icon: 'M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v2a2 2 0 0 0 0 6v2a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-2a2 2 0 0 0 0-6Z',
  },
  {
    path: '/chats',
    label: 'navChats',
    icon: 'M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H10l-4 3v-3H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z',
  },
  { path: '/devices', label: 'navDevices', icon: 'M4 5h16v10H4zM9 19h6M12 15v4' },
  { path: '/cases', label: 'navCases', icon: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16' },
  { path: '/admin', label: 'navAdmin', icon: 'M12 3 5 6v5c0 4.5 3 8 7 10 4-2 7-5.5 7-10V6Z', adminOnly: true },
];

export function SideMenu({ role, path, open, onClose, dots = {} }: Props) {
  return (
    <nav
      id="side-menu"
      class={`side-menu${open ? ' is-open' : ''}`}
      aria-label={tt('mainMenu')}
      data-testid="side-menu"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <ul>
        {ITEMS.filter((item) => !item.adminOnly || role === 'admin').map((item) => {
          const active = path === item.path || path.startsWith(item.path + '/');
          return (
            <li key={item.path}>
              <a
                href={item.path}
                class={`nav-link${active ? ' is-active' : ''}`}
                aria-current={active ? 'page' : undefined}
                onClick={(e) => linkClick(e, item.path)}
              >
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                  <path d={item.icon} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
                </svg>
                {tt(item.label)}
                {dots[item.path] && (
                  <span class="nav-dot" data-testid={`side-menu-dot-${item.path.slice(1)}`}>
                    <span class="visually-hidden">{tt('navNew')}</span>
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
