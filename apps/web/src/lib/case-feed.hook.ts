// The Cases page's live list: the server sends case.updated / case.deleted (and queue-routed
// case.created) only to sockets that watch (`cases.watch`), so the page watches while it is mounted,
// again after every reconnect (a new socket is in no room), and unwatches when it goes away.
import { useEffect, useRef } from 'preact/hooks';
import { useLive } from './live.context';

/** `onWatching` runs once each watch is acknowledged: events before it may have been missed (reload). */
export function useCaseFeed(onWatching: () => void): void {
  const live = useLive();
  const ref = useRef(onWatching);
  ref.current = onWatching;
  useEffect(() => {
    if (!live) return;
    let alive = true;
    const watch = () =>
      live.request('cases.watch', {}).then(
        () => alive && ref.current(),
        () => undefined, // offline: the next connect watches again
      );
    const offConnect = live.on('connect', watch);
    if (live.connected) watch();
    return () => {
      alive = false;
      offConnect();
      live.send('cases.unwatch', {});
    };
  }, [live]);
}
