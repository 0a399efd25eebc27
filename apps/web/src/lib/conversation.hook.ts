// One live conversation over the shell's /agent socket, for every technician view of one (the chat
// pane, the case conversation): `conversation.join` with the last seq we have (again after every
// reconnect, REST when the socket is away), `conversation.*` events merged by seq, the contact's
// typing both ways, and our own messages pending until acked (retry keeps the clientId, so the
// server's de-duplication makes a retry safe). The portal's visitor-chat.hook.ts is the same shape
// on the /portal socket.
import { useEffect, useRef, useState } from 'preact/hooks';
import { mergeMessages, type MessageView } from '@switchboard/contracts';
import { useLive } from './live.context';
import { clientTexts } from './client-texts.i18n';

/** A conversation message, plus the client-only state of one of ours not yet acknowledged. */
export type LiveMessage = MessageView & { pending?: 'sending' | 'failed' };

export interface ConversationOptions {
  me: { id: string; name: string };
  /** The REST twin of `conversation.join` (offline, or the socket refused). */
  loadMessages(afterSeq: number): Promise<LiveMessage[]>;
  /** The REST twin of `conversation.send`; without it a message sent offline fails. */
  sendViaRest?(clientId: string, body: string): Promise<{ message: LiveMessage }>;
  /** What a message sent while offline says when there is no REST twin. */
  offlineError?: string;
  /** Pull joins/leaves (stored system lines) in on `conversation.participant`. */
  syncOnParticipant?: boolean;
  /** Leave the conversation's room on unmount (not when a page keeps following it for unread counts). */
  unsubscribeOnLeave?: boolean;
  /** Our own message was committed (this socket gets it in the ack, not as a room event). */
  onSent?(message: LiveMessage): void;
}

export interface Conversation {
  messages: LiveMessage[];
  /** The first load answered (or failed). */
  loaded: boolean;
  /** The contact's name while they type. */
  typing: string | null;
  error: string | null;
  setError(error: string | null): void;
  /** Highest committed seq we hold. */
  lastSeq(): number;
  /** Merge messages from elsewhere (e.g. an uploaded file's message). */
  apply(incoming: LiveMessage[]): void;
  /** Post a text message (optimistic, pending until acked). */
  send(body: string): void;
  /** Send a pending/failed message again, same clientId. */
  retry(message: LiveMessage): void;
  /** The composer changed: "typing" now, "stopped" after 3 s of quiet. */
  typed(): void;
  /** Tell the other side we stopped typing (blur, send). */
  stopTyping(): void;
}

const TYPING_IDLE_MS = 3000;
/** Never leave a stale indicator if the "stopped typing" event is lost. */
const TYPING_STALE_MS = 8000;

export function newClientId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function useConversation(conversationId: string, options: ConversationOptions): Conversation {
  const live = useLive();
  const [messages, setMessages] = useState<LiveMessage[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [typing, setTypingName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef(messages);
  ref.current = messages;
  // The latest options without re-subscribing on every render (callbacks are usually inline).
  const opts = useRef(options);
  opts.current = options;
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sentTyping = useRef(false);

  const apply = (incoming: LiveMessage[]) => setMessages((list) => (ref.current = mergeMessages(list, incoming)));
  const mark = (id: string, pending: LiveMessage['pending']) =>
    setMessages((list) => (ref.current = list.map((x) => (x.id === id ? { ...x, pending } : x))));
  const lastSeq = () => ref.current.reduce((m, x) => (x.pending ? m : Math.max(m, x.seq)), 0);

  useEffect(() => {
    setMessages((ref.current = []));
    setLoaded(false);
    let alive = true;
    const sync = () => {
      const viaSocket = live?.connected
        ? live
            .request('conversation.join', { conversationId, afterSeq: lastSeq() })
            .then((d): LiveMessage[] => d?.messages ?? [])
        : Promise.reject(new Error('offline'));
      viaSocket
        .catch(() => opts.current.loadMessages(lastSeq()))
        .then(
          (items) => {
            if (!alive) return;
            apply(items);
            setLoaded(true);
          },
          () => alive && setLoaded(true),
        );
    };
    sync();
    if (!live) return () => void (alive = false);
    const offs = [
      live.on('connect', sync),
      live.on('conversation.message', (p) => {
        if (p?.conversationId !== conversationId && p?.message?.conversationId !== conversationId) return;
        apply([p.message]);
        if (p.message.author.kind === 'contact') setTypingName(null);
      }),
      live.on('conversation.typing', (p) => {
        if (p?.conversationId !== conversationId || p.author?.kind !== 'contact') return;
        clearTimeout(typingTimer.current);
        setTypingName(p.typing ? p.author.name : null);
        if (p.typing) typingTimer.current = setTimeout(() => setTypingName(null), TYPING_STALE_MS);
      }),
      // Joins, leaves and the end are stored system lines: pull them in.
      live.on('conversation.participant', (p) => {
        if (opts.current.syncOnParticipant && p?.conversationId === conversationId) sync();
      }),
      live.on('conversation.ended', (p) => p?.conversationId === conversationId && sync()),
    ];
    return () => {
      alive = false;
      clearTimeout(typingTimer.current);
      offs.forEach((off) => off());
      if (opts.current.unsubscribeOnLeave) live.send('conversation.unsubscribe', { conversationId });
    };
  }, [live, conversationId]);

  const emitTyping = (value: boolean) => {
    if (!live?.connected || sentTyping.current === value) return;
    sentTyping.current = value;
    live.request('conversation.typing', { conversationId, typing: value }).catch(() => undefined);
  };

  const deliver = (m: LiveMessage) => {
    mark(m.id, 'sending');
    const { sendViaRest, offlineError = 'offline' } = opts.current;
    const viaSocket = live?.connected
      ? live.request('conversation.send', { conversationId, clientId: m.clientId, body: m.body }, 8000)
      : Promise.reject(new Error(offlineError));
    (sendViaRest ? viaSocket.catch(() => sendViaRest(m.clientId!, m.body)) : viaSocket).then(
      (d) => {
        apply([d.message]);
        opts.current.onSent?.(d.message);
      },
      (err: Error) => {
        setError(err.message || clientTexts.t('messageNotSent'));
        mark(m.id, 'failed');
      },
    );
  };

  const stopTyping = () => {
    clearTimeout(idle.current);
    emitTyping(false);
  };

  return {
    messages,
    loaded,
    typing,
    error,
    setError,
    lastSeq,
    apply,
    retry: deliver,
    send(body: string) {
      setError(null);
      const clientId = newClientId();
      const { me } = opts.current;
      const local: LiveMessage = {
        id: clientId,
        clientId,
        conversationId,
        seq: Number.MAX_SAFE_INTEGER,
        kind: 'text',
        body,
        author: { kind: 'technician', id: me.id, name: me.name },
        createdAt: new Date().toISOString(),
        pending: 'sending',
      };
      setMessages((list) => (ref.current = [...list, local]));
      stopTyping();
      deliver(local);
    },
    typed() {
      emitTyping(true);
      clearTimeout(idle.current);
      idle.current = setTimeout(() => emitTyping(false), TYPING_IDLE_MS);
    },
    stopTyping,
  };
}
