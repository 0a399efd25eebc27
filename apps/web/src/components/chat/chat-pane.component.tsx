// One chat: its messages live over the shell's /agent socket (`conversation.join` again after each
// reconnect, with the last seq we have), typing both ways, a composer, files with upload progress,
// "Connecting..." until the user accepts, and the rename-ticket prompt when a chat with an
// automatic ticket ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { agentChatsApi, uploadChatFile, type AgentChat, type ChatMessage } from '../../lib/agent-chats.api';
import { AGENT_CHAT_END_LINES, AGENT_CHAT_ENDED_LINE, type EarlierInTicket } from '@switchboard/contracts';
import { ct } from '../../lib/chat-actions.i18n';
import { useConversation } from '../../lib/conversation.hook';
import { formatDateTime } from '../../lib/format';
import { language } from '../../lib/i18n';
import { ConfirmDialog } from '../confirm-dialog.component';
import { formatSize } from '../../lib/files.api';
import { linkClick } from '../../lib/router.hook';
import { logSays, MessageItem } from './message-item.component';

interface Props {
  chat: AgentChat;
  me: { id: string; name: string };
  onSeen(seq: number): void;
  /** Our own sent message (this socket gets it in the ack, not as a room event). */
  onSent?(message: ChatMessage): void;
}

export function ChatPane({ chat, me, onSeen, onSent }: Props) {
  const id = chat.id;
  // The chats page keeps following every open chat (unread counts): no unsubscribe on unmount.
  const conversation = useConversation(id, {
    me,
    loadMessages: (afterSeq) => agentChatsApi.messages(id, afterSeq).then((p) => p.items),
    offlineError: ct('offline'),
    onSent,
  });
  const { messages, typing, error, setError } = conversation;
  const [draft, setDraft] = useState('');
  const [upload, setUpload] = useState<{ name: string; progress: number } | null>(null);
  const [title, setTitle] = useState('');
  const [renamed, setRenamed] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [earlier, setEarlier] = useState<EarlierInTicket | null>(null);
  const log = useRef<HTMLOListElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => setRenamed(false), [id]);

  // Defect 8: a chat started from a ticket opens with what was said on the ticket before.
  useEffect(() => {
    setEarlier(null);
    if (!chat.ticket || chat.initiatedBy !== 'technician') return;
    agentChatsApi.earlier(id).then(
      (r) => setEarlier(r.earlier),
      () => undefined,
    );
  }, [id, chat.ticket?.number]);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
    onSeen(conversation.lastSeq());
  }, [messages.length, typing]);

  useEffect(() => setTitle(chat.ticket?.title ?? ''), [chat.ticket?.number]);

  const send = (e?: Event) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setDraft('');
    conversation.send(body);
  };

  const sendFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setUpload({ name: file.name, progress: 0 });
    try {
      const { message } = await uploadChatFile(id, file, (progress) => setUpload({ name: file.name, progress }));
      conversation.apply([message]);
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
  // The end's reason is also the last system line of the log: the banner only while the log lacks it.
  const endedText = (AGENT_CHAT_END_LINES[chat.endedReason ?? ''] ?? AGENT_CHAT_ENDED_LINE)[language()];
  return (
    <section
      class="chat-pane card"
      aria-label={ct('chatWith', { name: chat.contact.name })}
      data-testid="chat-pane"
      data-chat-id={id}
      data-status={chat.status}
    >
      <header class="chat-pane-head">
        <div>
          <h2 class="case-detail-title">{chat.contact.name}</h2>
          <span class="muted small">
            {chat.device.name}
            {chat.technician ? ct('withTechnician', { name: chat.technician.name }) : ''}
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
              onClick={() => setConfirmEnd(true)}
              data-testid="chat-end"
            >
              {ct('endChat')}
            </button>
          )}
        </div>
      </header>
      {chat.status === 'waiting' && (
        <p class="chat-connecting" role="status" data-testid="chat-connecting">
          {chat.initiatedBy === 'technician' ? ct('connecting') : ct('waitingAccept')}
        </p>
      )}
      <ol class="case-log chat-log" ref={log} data-testid="chat-messages" tabIndex={0} aria-label={ct('conversation')}>
        {earlier && earlier.lines.length > 0 && (
          <li class="chat-earlier" data-testid="chat-earlier">
            <p class="chat-earlier-title">
              <strong>{ct('earlierTitle', { number: earlier.number })}</strong>
            </p>
            {earlier.more && <p class="muted small">{ct('earlierMore')}</p>}
            <ol class="chat-earlier-lines">
              {earlier.lines.map((l, i) => (
                <li key={i} class="chat-earlier-line" data-testid="chat-earlier-line" data-author={l.author.kind}>
                  <span class="muted small">
                    <strong>{l.author.name}</strong>
                    {i === 0 && l.author.kind === 'contact' ? ` · ${ct('earlierRequest')}` : ''} ·{' '}
                    <time dateTime={l.createdAt}>{formatDateTime(l.createdAt)}</time>
                  </span>
                  <span class="case-msg-body">{l.body}</span>
                </li>
              ))}
            </ol>
          </li>
        )}
        {messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            testIdPrefix="chat"
            onRetry={conversation.retry}
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
        {typing ? ct('typing', { name: typing }) : ''}
      </p>
      {upload && (
        <p class="muted small" data-testid="chat-upload">
          {ct('uploading', { name: upload.name })} <progress max={1} value={upload.progress} />{' '}
          {Math.round(upload.progress * 100)}%
        </p>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid="chat-error">
          {error}
        </p>
      )}
      {chat.status === 'ended' && !logSays(messages, endedText) && (
        <p class="muted" data-testid="chat-ended">
          {endedText}
        </p>
      )}
      {chat.status === 'ended' && chat.ticket?.auto && !renamed && (
        <form class="chat-rename" onSubmit={rename} data-testid="chat-rename">
          <label for={`rename-${id}`}>{ct('renamePrompt', { number: chat.ticket.number })}</label>
          <div class="chat-rename-row">
            <input
              id={`rename-${id}`}
              value={title}
              maxLength={300}
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
              data-testid="chat-rename-title"
            />
            <button type="submit" class="btn btn-primary btn-sm" disabled={!title.trim()}>
              {ct('renameTicket')}
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirmEnd}
        title={ct('endTitle')}
        confirmLabel={ct('endConfirm')}
        cancelLabel={ct('cancel')}
        danger
        testId="chat-end-confirm"
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          agentChatsApi.end(id).catch((err: Error) => setError(err.message));
        }}
      >
        <p>{ct('endBody')}</p>
      </ConfirmDialog>
      {active && (
        <form class="case-composer" onSubmit={send} data-testid="chat-composer">
          <label for={`chat-body-${id}`} class="visually-hidden">
            {ct('message')}
          </label>
          <textarea
            id={`chat-body-${id}`}
            class="composer-body"
            rows={2}
            value={draft}
            maxLength={1000}
            placeholder={ct('messagePlaceholder')}
            onInput={(e) => {
              setDraft((e.currentTarget as HTMLTextAreaElement).value);
              conversation.typed();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) send(e);
            }}
            onBlur={conversation.stopTyping}
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
              {ct('attachFile')}
            </label>
            <button type="submit" class="btn btn-primary" disabled={!draft.trim()} data-testid="chat-send">
              {ct('send')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
