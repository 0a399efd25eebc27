// Minimal history router: the API serves index.html for every non-API path, so clean URLs
// (/tickets, /chats, ...) survive reloads without a routing library.
import { useEffect, useState } from 'preact/hooks';

const CHANGE = 'sb:navigate';

export function navigate(path: string, replace = false): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new Event(CHANGE));
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const sync = () => setPath(location.pathname);
    addEventListener('popstate', sync);
    addEventListener(CHANGE, sync);
    return () => {
      removeEventListener('popstate', sync);
      removeEventListener(CHANGE, sync);
    };
  }, []);
  return path;
}

/** Click handler for in-app links: keep modifier-clicks (new tab etc.) native. */
export function linkClick(e: MouseEvent, path: string): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(path);
}
