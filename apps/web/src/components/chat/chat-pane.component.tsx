// One chat: its messages live over the shell's /agent socket (`conversation.join` again after each
// reconnect, with the last seq we have), typing both ways, a composer, files with upload progress,
// "Connecting..." until the user accepts, and the rename-ticket prompt when a chat with an
// automatic ticket ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  agentChatsApi,
  END_REASONS,
  uploadChatFile,
  type AgentChat,
  type ChatMessage,
} from '../../lib/agent-chats.api';
import { newClientId } from '../../lib/cases.api';
import { formatSize } from '../../lib/files.api';
import { useLive } from '../../lib/live.context';
import { linkClick } from '../../lib/router.hook';
import { MessageItem } from './message-item.component';

interface Props {
  chat: AgentChat;
  me: { id: string; name: string };
  onSeen(seq: number): void;
  /** Our own sent message (this socket gets it in the ack, not as a room event). */
  onSent?(message: ChatMessage): void;
}

function merge(list: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (!incoming.length) return list;
  const byId = new Map(list.map((m) => [m.id, m] as const));
  for (const m of incoming) {
    const local = m.clientId ? list.find((x) => x.pending && x.clientId === m.clientId) : undefined;
    if (local) byId.delete(local.id);
    byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => (a.pending ? 1 : 0) - (b.pending ? 1 : 0) || a.seq - b.seq);
}

export function ChatPane({ chat, me, onSeen, onSent }: Props) {
  const live = useLive();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [typing, setTyping] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ name: string; progress: number } | null>(null);
  const [title, setTitle] = useState('');
  const [renamed, setRenamed] = useState(false);
  const ref = useRef(messages);
  ref.current = messages;
  const log = useRef<HTMLOListElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sentTyping = useRef(false);
  const id = chat.id;

  const apply = (incoming: ChatMessage[]) => setMessages((list) => (ref.current = merge(list, incoming)));
  const lastSeq = () => ref.current.reduce((m, x) => (x.pending ? m : Math.max(m, x.seq)), 0);

  useEffect(() => {
    setMessages((ref.current = []));
    setRenamed(false);
    let alive = true;
    const sync = () => {
      const viaSocket = live?.connected
        ? live
            .request<{ messages: ChatMessage[] }>('conversation.join', { conversationId: id, afterSeq: lastSeq() })
            .then((d) => d?.messages ?? [])
        : Promise.reject(new Error('offline'));
      viaSocket
        .catch(() => agentChatsApi.messages(id, lastSeq()).then((p) => p.items))
        .then(
          (items) => alive && apply(items),
          () => undefined,
        );
    };
    sync();
    if (!live) return () => void (alive = false);
    const offs = [
      live.on('connect', sync),
      live.on('conversation.message', (p) => {
        if (p?.conversationId !== id) return;
        apply([p.message]);
        if (p.message.author.kind === 'contact') setTyping(null);
      }),
      live.on('conversation.typing', (p) => {
        if (p?.conversationId !== id || p.author?.kind !== 'contact') return;
        clearTimeout(typingTimer.current);
        setTyping(p.typing ? p.author.name : null);
        if (p.typing) typingTimer.current = setTimeout(() => setTyping(null), 8000);
      }),
      live.on('conversation.ended', (p) => p?.conversationId === id && sync()),
    ];
    return () => {
      alive = false;
      clearTimeout(typingTimer.current);
      offs.forEach((off) => off());
    };
  }, [live, id]);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
    onSeen(lastSeq());
  }, [messages.length, typing]);

  useEffect(() => setTitle(chat.ticket?.title ?? ''), [chat.ticket?.number]);

  const emitTyping = (value: boolean) => {
    if (!live?.connected || sentTyping.current === value) return;
    sentTyping.current = value;
    live.request('conversation.typing', { conversationId: id, typing: value }).catch(() => undefined);
  };

  const deliver = (m: ChatMessage) => {
    setMessages((list) => (ref.current = list.map((x) => (x.id === m.id ? { ...x, pending: 'sending' } : x))));
    const viaSocket = live?.connected
      ? live.request<{ message: ChatMessage }>(
          'conversation.send',
          { conversationId: id, clientId: m.clientId, body: m.body },
          8000,
        )
      : Promise.reject(new Error('You are offline'));
    viaSocket.then(
      (d) => {
        apply([d.message]);
        onSent?.(d.message);
      },
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
    const local: ChatMessage = {
      id: clientId,
      clientId,
      conversationId: id,
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

  const sendFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setUpload({ name: file.name, progress: 0 });
    try {
      const { message } = await uploadChatFile(id, file, (progress) => setUpload({ name: file.name, progress }));
      apply([message]);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setUpload(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const rename = async (e: Event) => {
    e.preventDefault();
    if (!chat.ticket || !title.trim()) return;
    try {
      await agentChatsApi.renameTicket(chat.ticket.number, title.trim());
      setRenamed(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const active = chat.status === 'active';
  return (
    <section
      class="chat-pane card"
      aria-label={`Chat with ${chat.contact.name}`}
      data-testid="chat-pane"
      data-chat-id={id}
      data-status={chat.status}
    >
      <header class="chat-pane-head">
        <div>
          <h2 class="case-detail-title">{chat.contact.name}</h2>
          <span class="muted small">
            {chat.device.name}
            {chat.technician ? ` · with ${chat.technician.name}` : ''}
          </span>
        </div>
        <div class="chat-pane-actions">
          {chat.ticket && (
            <a
              href={`/tickets/${chat.ticket.number}`}
              onClick={(e) => linkClick(e, `/tickets/${chat.ticket!.number}`)}
              data-testid="chat-ticket-link"
            >
              #{chat.ticket.number}
            </a>
          )}
          {chat.status !== 'ended' && (
            <button
              type="button"
              class="btn btn-ghost btn-sm"
              onClick={() => agentChatsApi.end(id).catch((err: Error) => setError(err.message))}
              data-testid="chat-end"
            >
              End chat
            </button>
          )}
        </div>
      </header>
      {chat.status === 'waiting' && (
        <p class="chat-connecting" role="status" data-testid="chat-connecting">
          {chat.initiatedBy === 'technician' ? 'Connecting...' : 'Waiting for a technician to accept...'}
        </p>
      )}
      <ol class="case-log chat-log" ref={log} data-testid="chat-messages" tabIndex={0} aria-label="Conversation">
        {messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            testIdPrefix="chat"
            onRetry={deliver}
            body={
              m.file ? (
                <a
                  class="case-msg-body"
                  href={agentChatsApi.fileUrl(id, m.file.fileId)}
                  download={m.file.name}
                  data-testid="chat-file"
                >
                  📎 {m.file.name} ({formatSize(m.file.size)})
                </a>
              ) : undefined
            }
          />
        ))}
      </ol>
      <p class="case-typing muted small" aria-live="polite" data-testid="chat-typing">
        {typing ? `${typing} is typing…` : ''}
      </p>
      {upload && (
        <p class="muted small" data-testid="chat-upload">
          Sending {upload.name}… <progress max={1} value={upload.progress} /> {Math.round(upload.progress * 100)}%
        </p>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid="chat-error">
          {error}
        </p>
      )}
      {chat.status === 'ended' && (
        <p class="muted" data-testid="chat-ended">
          {END_REASONS[chat.endedReason ?? ''] ?? 'The chat ended.'}
        </p>
      )}
      {chat.status === 'ended' && chat.ticket?.auto && !renamed && (
        <form class="chat-rename" onSubmit={rename} data-testid="chat-rename">
          <label for={`rename-${id}`}>
            Give ticket #{chat.ticket.number} a title that says what the chat was about
          </label>
          <div class="chat-rename-row">
            <input
              id={`rename-${id}`}
              value={title}
              maxLength={300}
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
              data-testid="chat-rename-title"
            />
            <button type="submit" class="btn btn-primary btn-sm" disabled={!title.trim()}>
              Rename ticket
            </button>
          </div>
        </form>
      )}
      {active && (
        <form class="case-composer" onSubmit={send} data-testid="chat-composer">
          <label for={`chat-body-${id}`} class="visually-hidden">
            Message
          </label>
          <textarea
            id={`chat-body-${id}`}
            class="composer-body"
            rows={2}
            value={draft}
            maxLength={1000}
            placeholder="Write a message… (Enter to send, Shift+Enter for a new line)"
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
            data-testid="chat-composer-body"
          />
          <div class="chat-composer-actions">
            <input
              ref={fileInput}
              type="file"
              class="visually-hidden"
              id={`chat-file-${id}`}
              accept=".pdf,.mp3,.mp4,.doc,.docx,.xls,.xlsx,.msi"
              onChange={(e) => sendFile((e.currentTarget as HTMLInputElement).files?.[0])}
              data-testid="chat-file-input"
            />
            <label for={`chat-file-${id}`} class="btn btn-ghost btn-sm">
              Attach file
            </label>
            <button type="submit" class="btn btn-primary" disabled={!draft.trim()} data-testid="chat-send">
              Send
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
