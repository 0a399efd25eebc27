// Incoming chat requests (top right): the shell holds them from the first event (none is missed
// while a chunk loads) and chimes when the technician's preference says so (the server sends
// `sound`); the cards with Accept / Decline are a chunk fetched with the first request, so the first
// load stays small for technicians who never get one. Mounted once by the shell.
import { useState } from 'preact/hooks';
import type { AgentChat } from '../../lib/agent-chats.api';
import { chime } from '../../lib/case-alerts';
import { useLiveEvent } from '../../lib/live.context';
import { lazyChunk, useOnceTrue } from '../lazy-chunk.component';

const ChatRequestCards = lazyChunk(() => import('./chat-request-cards.component').then((m) => m.ChatRequestCards));

export function ChatRequests() {
  const [requests, setRequests] = useState<AgentChat[]>([]);
  const drop = (id: string) => setRequests((list) => list.filter((c) => c.id !== id));

  useLiveEvent('agent-chat.incoming', (p) => {
    if (!p?.chat) return;
    setRequests((list) => (list.some((c) => c.id === p.chat.id) ? list : [...list, p.chat]));
    if (p.sound) chime();
  });
  useLiveEvent('agent-chat.offer-closed', (p) => p && drop(p.conversationId));

  // Once shown, the cards stay mounted: an accept's error outlives its request.
  const shown = useOnceTrue(requests.length > 0);
  return shown ? <ChatRequestCards requests={requests} drop={drop} /> : null;
}
