// The "?" overlay (#15), mounted once in the shell: it owns the global shortcuts (g t, g c, /, n, ?)
// and lists them with the current page's. The dialog itself (its strings, styles and list) is a
// chunk fetched on the first "?" (shortcuts-dialog.component.tsx).
import { useState } from 'preact/hooks';
import { navigate } from '../lib/router.hook';
import { currentPageShortcuts, useShortcutLayer, type Shortcut } from '../lib/shortcuts.hook';
import { lazyChunk, useOnceTrue } from './lazy-chunk.component';
// Eager: the list's keyboard-selected row is styled there too (and CSS is not in the JS budget).
import './shortcuts.css';

const ShortcutsDialog = lazyChunk(() => import('./shortcuts-dialog.component').then((m) => m.ShortcutsDialog));

// The top bar's search box (components/search/global-search.component.tsx).
const SEARCH_INPUT_ID = 'global-search-input';

export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  // The page's shortcuts as they were when the overlay opened (pages register on mount).
  const [pageShortcuts, setPageShortcuts] = useState<Shortcut[]>([]);

  const global: Shortcut[] = [
    {
      keys: ['?'],
      label: 'help',
      run: () => {
        setPageShortcuts(currentPageShortcuts());
        setOpen(true);
      },
    },
    {
      keys: ['/'],
      label: 'search',
      run: () => document.getElementById(SEARCH_INPUT_ID)?.focus(),
    },
    { keys: ['n'], label: 'newTicket', run: () => navigate('/tickets/new') },
    { keys: ['g', 't'], label: 'goTickets', run: () => navigate('/tickets') },
    { keys: ['g', 'c'], label: 'goCases', run: () => navigate('/cases') },
  ];
  useShortcutLayer(global);

  const mounted = useOnceTrue(open);
  return mounted ? (
    <ShortcutsDialog open={open} pageShortcuts={pageShortcuts} global={global} onClose={() => setOpen(false)} />
  ) : null;
}
