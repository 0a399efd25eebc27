// One line of a conversation log (portal cases and agent chats share the look and the retry).
import type { ComponentChildren } from 'preact';
import { translateLine } from '@switchboard/contracts';
import { formatDateTime, initials } from '../../lib/format';
import { ct } from '../../lib/chat-actions.i18n';
import { formatDate, language } from '../../lib/i18n';

export interface LogMessage {
  id: string;
  kind: string;
  body: string;
  createdAt: string;
  author: { kind: string; name: string };
  pending?: 'sending' | 'failed';
}

interface Props<M extends LogMessage> {
  message: M;
  /** `case` or `chat`: the data-testid prefix the pages and browser tests use. */
  testIdPrefix: string;
  onRetry(message: M): void;
  /** Replaces the text body (a file link, say). */
  body?: ComponentChildren;
}

const isSystem = (m: LogMessage) => m.kind === 'system' || m.author.kind === 'system';

// System lines are stored in the customer's language (#16); the technician reads them in theirs
// (the layer's current language, read at each render).

/** The log already shows `text` as a system line (in any language): a status banner saying it again would repeat it. */
export function logSays(messages: readonly LogMessage[], text: string): boolean {
  const said = translateLine(text, 'en').trim();
  return messages.some((m) => isSystem(m) && translateLine(m.body, 'en').trim() === said);
}

export function MessageItem<M extends LogMessage>({ message: m, testIdPrefix, onRetry, body }: Props<M>) {
  if (isSystem(m)) {
    return (
      <li class="case-system" data-testid={`${testIdPrefix}-system-message`}>
        {translateLine(m.body, language())}
      </li>
    );
  }
  return (
    <li
      class={`case-msg author-${m.author.kind}${m.pending ? ` is-${m.pending}` : ''}`}
      data-testid={`${testIdPrefix}-message`}
      data-author={m.author.kind}
      // The customer's initials in a grey disc beside the bubble (CSS ::before: not part of the text).
      data-initials={m.author.kind === 'contact' ? initials(m.author.name || '?') : undefined}
    >
      <span class="case-msg-head">
        <strong>{m.author.name}</strong>{' '}
        <time class="muted small" dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
          {formatDate(m.createdAt, { hour: '2-digit', minute: '2-digit' })}
        </time>
        {m.pending === 'sending' && <span class="muted small">{ct('msgSending')}</span>}
      </span>
      {body ?? <span class="case-msg-body">{m.body}</span>}
      {m.pending === 'failed' && (
        <button type="button" class="link-btn" onClick={() => onRetry(m)}>
          {ct('msgRetry')}
        </button>
      )}
    </li>
  );
}
