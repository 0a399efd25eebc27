// Chats workspace: every chat the technician is in (and requests offered to them) in a list with
// unread counts and typing hints, one pane for the selected chat. Every open chat's conversation
// room is joined, so messages of the chats in the background count as unread.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ChatPane } from '../components/chat/chat-pane.component';
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';
import { agentChatsApi, type AgentChat, type ChatMessage } from '../lib/agent-chats.api';
import type { Me } from '../lib/api.types';
import { useLive } from '../lib/live.context';
import { linkClick, navigate } from '../lib/router.hook';
import { ct } from '../lib/chat-actions.i18n';

interface Props {
  me: Me;
  chatId: string | null;
}

// Catalogue keys, translated in render (a language switch follows).
const STATUS_KEY = { waiting: 'chatWaiting', active: 'chatActive', ended: 'chatEnded' } as const;

export function ChatsPage({ me, chatId }: Props) {
  const live = useLive();
  const [chats, setChats] = useState<AgentChat[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unread, setUnread] = useState<Record<string, number>>({});
  const [typing, setTyping] = useState<Record<string, boolean>>({});
  const seen = useRef<Record<string, number>>({});
  const selected = useRef(chatId);
  selected.current = chatId;

  /** A chat's newest message moved: live events from others, acks for our own sends. */
  const touch = (conversationId: string, message: ChatMessage) =>
    setChats((list) =>
      list.map((c) =>
        c.id === conversationId
          ? { ...c, lastSeq: Math.max(c.lastSeq, message.seq), lastMessageAt: message.createdAt }
          : c,
      ),
    );

  const upsert = (chat: AgentChat) =>
    setChats((list) =>
      list.some((c) => c.id === chat.id) ? list.map((c) => (c.id === chat.id ? chat : c)) : [chat, ...list],
    );

  const load = () =>
    agentChatsApi.list().then(
      async (page) => {
        let items = page.items;
        // Opened by link (a notification): show it even if it is not in my list (yet).
        if (chatId && !items.some((c) => c.id === chatId)) {
          const one = await agentChatsApi.get(chatId).catch(() => null);
          if (one) items = [one, ...items];
        }
        setChats(items);
        setLoaded(true);
        for (const c of items) seen.current[c.id] ??= c.lastSeq;
        // Follow every chat that is not over, so the background ones count unread messages.
        if (live?.connected)
          for (const c of items)
            if (c.status !== 'ended')
              live.request('conversation.join', { conversationId: c.id, afterSeq: c.lastSeq }).catch(() => undefined);
      },
      (e: Error) => {
        setError(e.message);
        setLoaded(true);
      },
    );

  useEffect(() => {
    void load();
    if (!live) return;
    const offs = [
      live.on('connect', () => void load()),
      live.on('agent-chat.updated', (p) => p?.chat && upsert(p.chat)),
      live.on('agent-chat.incoming', (p) => p?.chat && upsert(p.chat)),
      live.on('agent-chat.offer-closed', (p) => {
        if (!p) return;
        agentChatsApi.get(p.conversationId).then(upsert, () => undefined);
      }),
      live.on('conversation.message', (p) => {
        if (!p?.message) return;
        touch(p.conversationId, p.message);
        if (
          p.conversationId !== selected.current &&
          p.message.kind !== 'system' &&
          p.message.author.kind === 'contact'
        ) {
          setUnread((u) => ({ ...u, [p.conversationId]: (u[p.conversationId] ?? 0) + 1 }));
        }
      }),
      live.on('conversation.typing', (p) => {
        if (p?.author?.kind === 'contact') setTyping((t) => ({ ...t, [p.conversationId]: p.typing }));
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [live, me.id]);

  useEffect(() => {
    if (chatId) setUnread((u) => ({ ...u, [chatId]: 0 }));
  }, [chatId]);

  const current = chats.find((c) => c.id === chatId) ?? null;
  const open = (id: string) => navigate(`/chats/${id}`);

  return (
    <>
      <PageTitle title={ct('chats')}>{ct('chats')}</PageTitle>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {loaded && chats.length === 0 ? (
        <EmptyState title={ct('noChats')}>{ct('noChatsHint')}</EmptyState>
      ) : (
        <div class="cases-layout chats-layout">
          <div class="card cases-list-pane">
            <ul class="case-list" data-testid="chat-list" aria-label={ct('chats')}>
              {chats.map((c) => (
                <li
                  key={c.id}
                  class={`case-item${c.id === chatId ? ' is-selected' : ''}`}
                  data-testid="chat-list-item"
                  data-chat-id={c.id}
                  data-status={c.status}
                >
                  <a
                    class="case-link"
                    href={`/chats/${c.id}`}
                    onClick={(e) => linkClick(e, `/chats/${c.id}`)}
                    aria-current={c.id === chatId ? 'true' : undefined}
                  >
                    <span class="case-item-top">
                      <span class="case-customer">{c.contact.name}</span>
                      <span
                        class={`pill ${c.status === 'active' ? 'pill-ok' : c.status === 'waiting' ? 'pill-warn' : 'pill-off'}`}
                      >
                        {ct(STATUS_KEY[c.status])}
                      </span>
                    </span>
                    <span class="case-item-meta muted">
                      <span>{c.device.name}</span>
                      {c.ticket && <span>#{c.ticket.number}</span>}
                      {typing[c.id] && <span data-testid="chat-list-typing">{ct('typingShort')}</span>}
                      {(unread[c.id] ?? 0) > 0 && (
                        <span class="badge" data-testid="chat-unread">
                          {unread[c.id]}
                          <span class="visually-hidden">{ct('unread')}</span>
                        </span>
                      )}
                    </span>
                  </a>
                  {c.status === 'waiting' && c.initiatedBy === 'contact' && (
                    <div class="chat-request-actions">
                      <button
                        type="button"
                        class="btn btn-primary btn-sm"
                        onClick={() =>
                          agentChatsApi.accept(c.id).then(
                            (v) => (upsert(v), open(c.id)),
                            (e: Error) => setError(e.message),
                          )
                        }
                      >
                        {ct('accept')}
                      </button>
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        onClick={() =>
                          agentChatsApi.decline(c.id).then(
                            () => load(),
                            (e: Error) => setError(e.message),
                          )
                        }
                      >
                        {ct('decline')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
          {current ? (
            <ChatPane
              key={current.id}
              chat={current}
              me={me}
              onSeen={(seq) => void (seen.current[current.id] = seq)}
              onSent={(m) => touch(current.id, m)}
            />
          ) : (
            <div class="card case-placeholder">
              <p class="muted">{ct('pickChat')}</p>
            </div>
          )}
        </div>
      )}
    </>
  );
}
