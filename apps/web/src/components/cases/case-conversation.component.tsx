// The case's messages, live: `conversation.join` on the shell's /agent socket (again after every
// reconnect, with the last seq we have), `conversation.message/typing/participant/ended` events, and a
// composer for the assigned technician (socket `conversation.send`, REST fallback; both acked after
// commit and idempotent per clientId, so a retry never duplicates).
import { useEffect, useRef, useState } from 'preact/hooks';
import { casesApi, newClientId } from '../../lib/cases.api';
import type { CaseMessage, CaseView } from '../../lib/cases.types';
import { useLive } from '../../lib/live.context';
import { MessageItem } from '../chat/message-item.component';

interface Props {
  c: CaseView;
  canWrite: boolean;
  me: { id: string; name: string };
}

function merge(list: CaseMessage[], incoming: CaseMessage[]): CaseMessage[] {
  if (!incoming.length) return list;
  const byId = new Map(list.map((m) => [m.id, m] as const));
  for (const m of incoming) {
    const local = m.clientId ? list.find((x) => x.pending && x.clientId === m.clientId) : undefined;
    if (local) byId.delete(local.id);
    byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => (a.pending ? 1 : 0) - (b.pending ? 1 : 0) || a.seq - b.seq);
}

export function CaseConversation({ c, canWrite, me }: Props) {
  const live = useLive();
  const [messages, setMessages] = useState<CaseMessage[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [typing, setTyping] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef(messages);
  ref.current = messages;
  const log = useRef<HTMLOListElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sentTyping = useRef(false);
  const conversationId = c.conversationId;

  const apply = (incoming: CaseMessage[]) => setMessages((list) => (ref.current = merge(list, incoming)));
  const lastSeq = () => ref.current.reduce((m, x) => (x.pending ? m : Math.max(m, x.seq)), 0);

  useEffect(() => {
    setMessages((ref.current = []));
    setLoaded(false);
    let alive = true;
    const sync = () => {
      const viaSocket = live?.connected
        ? live
            .request<{ messages: CaseMessage[] }>('conversation.join', { conversationId, afterSeq: lastSeq() })
            .then((d) => d?.messages ?? [])
        : Promise.reject(new Error('offline'));
      viaSocket
        .catch(() => casesApi.messages(c.id, lastSeq()).then((p) => p.items))
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
        if (p.message.author.kind === 'contact') setTyping(null);
      }),
      live.on('conversation.typing', (p) => {
        if (p?.conversationId !== conversationId || p.author?.kind !== 'contact') return;
        clearTimeout(typingTimer.current);
        setTyping(p.typing ? p.author.name : null);
        if (p.typing) typingTimer.current = setTimeout(() => setTyping(null), 8000);
      }),
      // Joins, leaves and the end are stored system lines: pull them in.
      live.on('conversation.participant', (p) => p?.conversationId === conversationId && sync()),
      live.on('conversation.ended', (p) => p?.conversationId === conversationId && sync()),
    ];
    return () => {
      alive = false;
      clearTimeout(typingTimer.current);
      offs.forEach((off) => off());
      live.send('conversation.unsubscribe', { conversationId });
    };
  }, [live, conversationId]);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, typing]);

  const emitTyping = (value: boolean) => {
    if (!live?.connected || sentTyping.current === value) return;
    sentTyping.current = value;
    live.request('conversation.typing', { conversationId, typing: value }).catch(() => undefined);
  };

  const deliver = (m: CaseMessage) => {
    setMessages((list) => (ref.current = list.map((x) => (x.id === m.id ? { ...x, pending: 'sending' } : x))));
    const viaSocket = live?.connected
      ? live.request<{ message: CaseMessage }>(
          'conversation.send',
          { conversationId, clientId: m.clientId, body: m.body },
          8000,
        )
      : Promise.reject(new Error('offline'));
    viaSocket
      .catch(() => casesApi.send(c.id, m.clientId!, m.body))
      .then(
        (d) => apply([d.message]),
        (err: Error) => {
          setError(err.message || 'Message not sent');
          setMessages((list) => (ref.current = list.map((x) => (x.id === m.id ? { ...x, pending: 'failed' } : x))));
        },
      );
  };

  const send = (e?: Event) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setError(null);
    const clientId = newClientId();
    const local: CaseMessage = {
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
    setDraft('');
    clearTimeout(idle.current);
    emitTyping(false);
    deliver(local);
  };

  return (
    <section class="case-conversation" aria-labelledby="case-messages-title">
      <h3 id="case-messages-title" class="case-section-title">
        Messages
      </h3>
      <ol
        class="case-log"
        ref={log}
        data-testid="case-messages"
        aria-busy={!loaded}
        tabIndex={0}
        aria-label="Conversation"
      >
        {loaded && messages.length === 0 && <li class="muted">No messages yet.</li>}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} testIdPrefix="case" onRetry={deliver} />
        ))}
      </ol>
      <p class="case-typing muted small" aria-live="polite" data-testid="case-typing">
        {typing ? `${typing} is typing…` : ''}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {canWrite && (
        <form class="case-composer" onSubmit={send} data-testid="case-composer">
          <label for="case-composer-body" class="visually-hidden">
            Message to the customer
          </label>
          <textarea
            id="case-composer-body"
            class="composer-body"
            rows={2}
            value={draft}
            maxLength={1000}
            placeholder="Write to the customer… (Enter to send, Shift+Enter for a new line)"
            onInput={(e) => {
              setDraft((e.currentTarget as HTMLTextAreaElement).value);
              emitTyping(true);
              clearTimeout(idle.current);
              idle.current = setTimeout(() => emitTyping(false), 3000);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) send(e);
            }}
            onBlur={() => emitTyping(false)}
            data-testid="case-composer-body"
          />
          <button type="submit" class="btn btn-primary" disabled={!draft.trim()} data-testid="case-composer-send">
            Send
          </button>
        </form>
      )}
    </section>
  );
}
