// Live socket indicator. The text node is exactly `online`/`offline` (tests read it); CSS capitalises it.
import type { ConnectionState } from '../lib/socket.client';

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <span
      class={`conn conn-${state}`}
      title={state === 'online' ? 'Live updates connected' : 'Live updates disconnected, retrying'}
    >
      <span class="conn-dot" aria-hidden="true" />
      <span class="visually-hidden">Live updates: </span>
      <span class="conn-text" data-testid="connection-status" role="status">
        {state}
      </span>
    </span>
  );
}
