// Ticket page → Start chat: asks the requester's device (helpdesk agent) for a chat linked to the ticket.
import { useState } from 'preact/hooks';
import { agentChatsApi } from '../../lib/agent-chats.api';
import { navigate } from '../../lib/router.hook';

export function StartChatButton({ ticketNumber }: { ticketNumber: number }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { chat } = await agentChatsApi.start({ ticketNumber });
      navigate(`/chats/${chat.id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="ticket-actions" data-testid="ticket-actions">
      <button
        type="button"
        class="btn btn-secondary btn-sm"
        onClick={start}
        disabled={busy}
        data-testid="ticket-start-chat"
      >
        Start chat
      </button>
      {error && (
        <span class="form-error small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
