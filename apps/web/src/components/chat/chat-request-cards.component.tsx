// The incoming chat requests' cards (top right): one per request with Accept / Decline. A chunk
// of its own, fetched with the first request (chat-requests.component.tsx holds the list).
import { useState } from 'preact/hooks';
import { agentChatsApi, type AgentChat } from '../../lib/agent-chats.api';
import { navigate } from '../../lib/router.hook';
import { ct } from '../../lib/chat-actions.i18n';

interface Props {
  requests: AgentChat[];
  drop(id: string): void;
}

export function ChatRequestCards({ requests, drop }: Props) {
  const [error, setError] = useState<string | null>(null);

  const accept = async (chat: AgentChat) => {
    setError(null);
    try {
      await agentChatsApi.accept(chat.id);
      drop(chat.id);
      navigate(`/chats/${chat.id}`);
    } catch (e) {
      drop(chat.id);
      setError((e as Error).message);
    }
  };
  const decline = async (chat: AgentChat) => {
    drop(chat.id);
    await agentChatsApi.decline(chat.id).catch(() => undefined);
  };

  if (!requests.length && !error) return null;
  return (
    <div class="chat-requests" role="region" aria-label={ct('requests')} data-testid="chat-requests">
      {error && (
        <div class="chat-request card" role="alert">
          <p>{error}</p>
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => setError(null)}>
            {ct('dismiss')}
          </button>
        </div>
      )}
      {requests.map((c) => (
        <div key={c.id} class="chat-request card" data-testid="chat-request" data-chat-id={c.id}>
          <strong>{ct('requestFrom', { name: c.contact.name })}</strong>
          <span class="muted small">{ct('requestOn', { device: c.device.name })}</span>
          <div class="chat-request-actions">
            <button
              type="button"
              class="btn btn-primary btn-sm"
              onClick={() => accept(c)}
              data-testid="chat-request-accept"
            >
              {ct('accept')}
            </button>
            <button
              type="button"
              class="btn btn-ghost btn-sm"
              onClick={() => decline(c)}
              data-testid="chat-request-decline"
            >
              {ct('decline')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
