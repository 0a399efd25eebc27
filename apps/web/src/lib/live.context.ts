// Shares the shell's single `/agent` socket with pages (one connection per tab, not one per page).
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { AgentSocket, LiveEvent, LivePayload } from './socket.client';

export const LiveContext = createContext<AgentSocket | null>(null);

export function useLive(): AgentSocket | null {
  return useContext(LiveContext);
}

/** Subscribe to a socket event for the component's lifetime; the handler may change every render. */
export function useLiveEvent<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void): void {
  const live = useLive();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => (live ? live.on(event, (p) => ref.current(p)) : undefined), [live, event]);
}
