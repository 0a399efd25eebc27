// The Cases page's live list: the server sends case.updated / case.deleted (and queue-routed
// case.created) only to sockets that watch (`cases.watch`), so the page watches while it is mounted,
// again after every reconnect (a new socket is in no room), and unwatches when it goes away. The page
// reloads its list on each connect, as it did before the feed existed.
import { useEffect } from 'preact/hooks';
import { useLive } from './live.context';

export function useCaseFeed(): void {
  const live = useLive();
  useEffect(() => {
    if (!live) return;
    const watch = () => {
      live.request('cases.watch', {}).catch(() => undefined); // offline: the next connect watches again
    };
    const offConnect = live.on('connect', watch);
    if (live.connected) watch();
    return () => {
      offConnect();
      live.send('cases.unwatch', {});
    };
  }, [live]);
}
