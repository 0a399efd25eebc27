// Live viewers of one ticket: announce ourselves with `ticket.view` (again after every reconnect, the
// server forgets us when the socket drops) and `ticket.leave` when the page goes away.
import { useEffect, useState } from 'preact/hooks';
import { useLive } from './live.context';
import type { Viewer } from './tickets.types';

export function useTicketViewers(number: number, onReconnect?: () => void): Viewer[] {
  const live = useLive();
  const [viewers, setViewers] = useState<Viewer[]>([]);

  useEffect(() => {
    if (!live) return;
    let alive = true;
    let joined = false;
    const view = () => {
      live.request('ticket.view', { number }).then(
        (data) => alive && data?.viewers && setViewers(data.viewers),
        () => undefined, // offline or no access: the page's REST load reports real errors
      );
    };
    const offConnect = live.on('connect', () => {
      if (joined) onReconnect?.();
      joined = true;
      view();
    });
    const offViewers = live.on('ticket.viewers', (p) => {
      if (p?.number === number && Array.isArray(p.viewers)) setViewers(p.viewers);
    });
    if (live.connected) {
      joined = true;
      view();
    }
    // A closed tab disconnects the socket (the server cleans up); pagehide covers bfcache navigations.
    const leave = () => live.send('ticket.leave', { number });
    addEventListener('pagehide', leave);
    return () => {
      alive = false;
      offConnect();
      offViewers();
      removeEventListener('pagehide', leave);
      leave();
    };
  }, [live, number]);

  return viewers;
}
