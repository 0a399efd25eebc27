// The visitor's live chat: socket `/portal` (contract: libs/cases/README.md §3), with the session kept
// in sessionStorage (token, case id, messages seen, last seq) so a reload or a network drop resumes
// the same chat: on every (re)connect we `chat.join` with the last seq we have and merge by id.
import {
  mergeMessages,
  isLine,
  PORTAL_WAITING_OFFER_LINE,
  type ClientEmits,
  type ServerEventListeners,
} from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { S } from './i18n';
import { portalApi, type ChatMessage, type PublicCase } from './portal.api';

export interface StoredSession {
  kind: 'chat' | 'request';
  token: string;
  caseId: string;
  firstName: string;
  email: string;
  messages?: ChatMessage[];
}

const key = (sub: string) => `switchboard.portal.${sub}`;

export function loadSession(sub: string): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(key(sub));
    const s = raw ? (JSON.parse(raw) as StoredSession) : null;
    return s && typeof s.token === 'string' && typeof s.caseId === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(sub: string, s: StoredSession | null): void {
  try {
    if (s)
      sessionStorage.setItem(
        key(sub),
        JSON.stringify({ ...s, messages: s.messages?.filter((m) => !m.pending).slice(-300) }),
      );
    else sessionStorage.removeItem(key(sub));
  } catch {
    // Private mode / storage full: the chat still works, it just won't survive a reload.
  }
}

type Ack<T> = { ok: true; data: T } | { ok: false; error: { statusCode: number; message: string } };

export function emit<T>(
  socket: Socket<ServerEventListeners, ClientEmits>,
  event: string,
  payload: unknown,
  timeoutMs = 8000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return reject(new Error('offline'));
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack<T>) => {
      if (err) reject(err);
      else if (!ack || ack.ok === false)
        reject(Object.assign(new Error(ack?.error?.message ?? 'failed'), { status: ack?.error?.statusCode }));
      else resolve(ack.data);
    });
  });
}

export function newClientId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export interface QueuePosition {
  position: number;
  estimatedWaitSeconds: number | null;
}

export interface VisitorChat {
  state: 'connecting' | 'online' | 'offline' | 'expired';
  chatCase: PublicCase | null;
  /** The server refused the re-join for good (the case was deleted, or is not this token's): the chat is over. */
  gone: boolean;
  messages: ChatMessage[];
  typing: string | null;
  /** Where a queue-routed chat stands (`queue.position`, #14); null for pool chats or once answered. */
  queue: QueuePosition | null;
  /** Latest line from the other side, for the polite live region. */
  announce: { id: string; text: string } | null;
  send(body: string): void;
  retry(message: ChatMessage): void;
  setTyping(typing: boolean): void;
  end(): Promise<void>;
  convert(): Promise<void>;
  /** The live socket (null before it exists), for features that add their own events (screen sharing). */
  socket: Socket<ServerEventListeners, ClientEmits> | null;
}

export function useVisitorChat(sub: string, session: StoredSession, onExpired: () => void): VisitorChat {
  const [state, setState] = useState<VisitorChat['state']>('connecting');
  const [chatCase, setCase] = useState<PublicCase | null>(null);
  const [gone, setGone] = useState(false);
  const [messages, setMessages] = useState<ChatMessage[]>(session.messages ?? []);
  const [typing, setTypingName] = useState<string | null>(null);
  const [queue, setQueue] = useState<QueuePosition | null>(null);
  const [announce, setAnnounce] = useState<VisitorChat['announce']>(null);
  const socketRef = useRef<Socket<ServerEventListeners, ClientEmits> | null>(null);
  const [socketState, setSocketState] = useState<Socket<ServerEventListeners, ClientEmits> | null>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sentTyping = useRef(false);

  const lastSeq = () => messagesRef.current.reduce((max, m) => (m.pending ? max : Math.max(max, m.seq)), 0);

  const apply = (incoming: ChatMessage[]) => {
    if (!incoming.length) return;
    setMessages((list) => {
      const next = mergeMessages(list, incoming);
      messagesRef.current = next;
      saveSession(sub, { ...session, messages: next });
      return next;
    });
  };

  useEffect(() => {
    // Listeners typed by the contracts' event map (the server's emits are checked against the same map).
    const socket: Socket<ServerEventListeners, ClientEmits> = io('/portal', {
      auth: { token: session.token },
      transports: ['websocket'],
      reconnectionDelayMax: 5000,
    });
    socketRef.current = socket;
    setSocketState(socket);

    const join = () =>
      emit<{ case: PublicCase; messages: ChatMessage[] }>(socket, 'chat.join', { afterSeq: lastSeq() }).then(
        (data) => {
          setCase(data.case);
          apply(data.messages ?? []);
          // Anything we typed while offline goes out now (same clientId: the server dedupes).
          for (const m of messagesRef.current) if (m.pending) resend(m);
        },
        (err: { status?: number }) => {
          // A 4xx answer (404: the case was deleted) is final, unlike a timeout or a drop: stop
          // reconnecting and show the chat as over instead of a composer whose sends can only fail.
          const status = err.status ?? 0;
          if (status < 400 || status >= 500 || status === 408 || status === 429) return;
          socket.removeAllListeners();
          socket.close();
          setState('expired');
          setGone(true);
          // The case (and its log) was erased: drop this tab's copy too; "start a new conversation" clears the rest.
          messagesRef.current = [];
          setMessages([]);
          saveSession(sub, { ...session, messages: [] });
        },
      );

    socket.on('connect', () => {
      setState('online');
      join();
    });
    socket.on('disconnect', (reason) => {
      setState('offline');
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000);
    });
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        // Token expired or the case was deleted: the session is over.
        socket.close();
        setState('expired');
        onExpired();
        return;
      }
      setState('offline');
    });
    socket.on('conversation.message', (p) => {
      if (!p?.message) return;
      apply([p.message]);
      if (p.message.author.kind === 'technician') {
        setTypingName(null);
        setAnnounce({ id: p.message.id, text: `${p.message.author.name}: ${p.message.body}` });
        if (document.hidden || window.parent !== window)
          window.parent?.postMessage({ type: 'switchboard:unread' }, '*');
      } else if (p.message.kind === 'system') {
        // The waiting offer is shown (and so announced) in the visitor's language, not the stored English line.
        const text = isLine(p.message.body, PORTAL_WAITING_OFFER_LINE) ? `${S.busy} ${S.waitingOffer}` : p.message.body;
        setAnnounce({ id: p.message.id, text });
      }
    });
    socket.on('conversation.typing', (p) => {
      if (p?.author?.kind === 'contact') return;
      clearTimeout(typingTimer.current);
      setTypingName(p?.typing ? p.author?.name || '' : null);
      // Never leave a stale indicator if the "stopped typing" event is lost.
      if (p?.typing) typingTimer.current = setTimeout(() => setTypingName(null), 8000);
    });
    socket.on('queue.position', (p) => {
      if (p && typeof p.position === 'number')
        setQueue({ position: p.position, estimatedWaitSeconds: p.estimatedWaitSeconds });
    });
    // Joins/leaves/end are stored as system messages too: pull them (and the new case state) in.
    const refresh = () => join();
    socket.on('conversation.participant', refresh);
    socket.on('conversation.ended', refresh);

    return () => {
      clearTimeout(typingTimer.current);
      socket.removeAllListeners();
      socket.close();
      socketRef.current = null;
      setSocketState(null);
    };
  }, [sub, session.token]);

  const resend = (m: ChatMessage) => {
    const socket = socketRef.current;
    if (!socket) return;
    setMessages((list) => list.map((x) => (x.id === m.id ? { ...x, pending: 'sending' } : x)));
    emit<{ message: ChatMessage }>(socket, 'chat.send', { clientId: m.clientId, body: m.body }).then(
      (data) => apply([data.message]),
      () => setMessages((list) => list.map((x) => (x.id === m.id ? { ...x, pending: 'failed' } : x))),
    );
  };

  /** `chat.end` / `chat.convert` on the socket; the REST twin when offline or if the socket refuses. */
  const viaSocketOrRest = async <T>(event: string, rest: () => Promise<T>): Promise<T> => {
    const socket = socketRef.current;
    if (socket?.connected) {
      try {
        return (await emit<{ case: T }>(socket, event, {})).case;
      } catch (err) {
        // A 409 (e.g. the chat was assigned meanwhile) is a real answer; anything else: try REST.
        if ((err as { status?: number }).status === 409) throw err;
      }
    }
    return rest();
  };

  const setTyping = (value: boolean) => {
    const socket = socketRef.current;
    if (!socket?.connected || sentTyping.current === value) return;
    sentTyping.current = value;
    socket.emit('chat.typing', { typing: value }, () => undefined);
  };

  return {
    state,
    chatCase,
    gone,
    messages,
    typing,
    queue,
    announce,
    socket: socketState,
    send(body: string) {
      const clientId = newClientId();
      const local: ChatMessage = {
        id: clientId,
        clientId,
        seq: Number.MAX_SAFE_INTEGER,
        kind: 'text',
        body,
        author: { kind: 'contact', id: null, name: session.firstName },
        createdAt: new Date().toISOString(),
        pending: 'sending',
      };
      setMessages((list) => (messagesRef.current = [...list, local]));
      if (sentTyping.current) setTyping(false);
      if (socketRef.current?.connected) resend(local);
      // Offline: it stays "sending" and goes out on the next join.
    },
    retry: resend,
    setTyping,
    async end() {
      setCase(await viaSocketOrRest<PublicCase>('chat.end', () => portalApi.end(session.caseId, session.token)));
    },
    async convert() {
      setCase(
        await viaSocketOrRest<PublicCase>('chat.convert', () => portalApi.convert(session.caseId, session.token)),
      );
    },
  };
}
