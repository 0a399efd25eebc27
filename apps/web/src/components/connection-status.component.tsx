// Live socket indicator (#15.10): nothing while connected (a green "Online" pill read as the
// technician's availability), a "Reconnecting…" pill while the socket is down. The wrapper is always
// there with `data-state="online" | "offline"` (tests and styles read it).
import type { ConnectionState } from '../lib/socket.client';
import { tt } from '../lib/top-bar.i18n';

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <span class="conn-wrap" data-testid="connection-status" data-state={state} role="status">
      {state === 'offline' && (
        <span class="conn conn-offline" title={tt('reconnectingHint')}>
          <span class="conn-dot" aria-hidden="true" />
          <span class="visually-hidden">{tt('liveUpdates')}</span>
          <span class="conn-text">{tt('reconnecting')}</span>
        </span>
      )}
    </span>
  );
}
