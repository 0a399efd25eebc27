// The case's messages, live: `conversation.join` on the shell's /agent socket (again after every
// reconnect, with the last seq we have), `conversation.message/typing/participant/ended` events, and a
// composer for the assigned technician (socket `conversation.send`, REST fallback; both acked after
// commit and idempotent per clientId, so a retry never duplicates).
import { useEffect, useRef, useState } from 'preact/hooks';
import { casesApi } from '../../lib/cases.api';
import type { CaseView } from '../../lib/cases.types';
import { useConversation } from '../../lib/conversation.hook';
import { logSays, MessageItem } from '../chat/message-item.component';
import { casesMessages } from '../../lib/cases.i18n';

const { t } = casesMessages;

interface Props {
  c: CaseView;
  canWrite: boolean;
  me: { id: string; name: string };
  /** Why the chat ended; shown under the log unless the log's system lines already say it. */
  endedNotice?: string | null;
}

export function CaseConversation({ c, canWrite, me, endedNotice }: Props) {
  const conversation = useConversation(c.conversationId, {
    me,
    loadMessages: (afterSeq) => casesApi.messages(c.id, afterSeq).then((p) => p.items),
    sendViaRest: (clientId, body) => casesApi.send(c.id, clientId, body),
    syncOnParticipant: true,
    unsubscribeOnLeave: true,
  });
  const { messages, loaded, typing, error } = conversation;
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, typing]);

  const send = (e?: Event) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setDraft('');
    conversation.send(body);
  };

  return (
    <section class="case-conversation" aria-labelledby="case-messages-title">
      <h3 id="case-messages-title" class="case-section-title">
        {t('messages')}
      </h3>
      <ol
        class="case-log"
        ref={log}
        data-testid="case-messages"
        aria-busy={!loaded}
        tabIndex={0}
        aria-label={t('conversation')}
      >
        {loaded && messages.length === 0 && <li class="muted">{t('noMessages')}</li>}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} testIdPrefix="case" onRetry={conversation.retry} />
        ))}
      </ol>
      <p class="case-typing muted small" aria-live="polite" data-testid="case-typing">
        {typing ? t('typing', { name: typing }) : ''}
      </p>
      {endedNotice && loaded && !logSays(messages, endedNotice) && (
        <p class="notice small" data-testid="case-ended">
          {endedNotice}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {canWrite && (
        <form class="case-composer" onSubmit={send} data-testid="case-composer">
          <label for="case-composer-body" class="visually-hidden">
            {t('messageLabel')}
          </label>
          <textarea
            id="case-composer-body"
            class="composer-body"
            rows={2}
            value={draft}
            maxLength={1000}
            placeholder={t('messagePlaceholder')}
            onInput={(e) => {
              setDraft((e.currentTarget as HTMLTextAreaElement).value);
              conversation.typed();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) send(e);
            }}
            onBlur={conversation.stopTyping}
            data-testid="case-composer-body"
          />
          <button type="submit" class="btn btn-primary" disabled={!draft.trim()} data-testid="case-composer-send">
            {t('send')}
          </button>
        </form>
      )}
    </section>
  );
}
