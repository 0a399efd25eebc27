// After the form: the live chat (waiting → technician joined → ended, with transcript), or the
// confirmation of a support request (also what a chat becomes when the visitor stops waiting).
import {
  isLine,
  PORTAL_SUPPORT_REQUEST_LINE,
  PORTAL_WAITING_OFFER_LINE,
  ROUTING_OVERFLOW_LINE,
  translateLine,
} from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTime, lang, S, t } from './i18n';
import { portalApi, type ChatMessage, type PortalInfo } from './portal.api';
import { useVisitorChat, type StoredSession } from './visitor-chat.hook';
import { askText, useVisitorScreenShare } from './visitor-screen-share.hook';

interface Props {
  subdomain: string;
  portal: PortalInfo;
  session: StoredSession;
  onStartOver(): void;
  onExpired(): void;
}

export function ChatPanel(props: Props) {
  if (props.session.kind === 'request') return <RequestSent session={props.session} onStartOver={props.onStartOver} />;
  return <LiveChat {...props} />;
}

function RequestSent({
  session,
  onStartOver,
  converted,
  overflowed,
  abandoned,
}: {
  session: StoredSession;
  onStartOver(): void;
  converted?: boolean;
  /** Nobody took the queued chat in time (#14): this card replaces the log, so say why here. */
  overflowed?: boolean;
  /** Nobody took the pool chat before the abandon timer: the same card, so say why here too. */
  abandoned?: boolean;
}) {
  return (
    <section class="p-card p-center" data-testid="portal-request-sent" role="status">
      <h1>{converted ? S.convertedTitle : S.requestSent}</h1>
      {overflowed && <p data-testid="portal-overflow-notice">{ROUTING_OVERFLOW_LINE[lang]}</p>}
      {abandoned && <p data-testid="portal-abandoned-notice">{PORTAL_SUPPORT_REQUEST_LINE[lang]}</p>}
      <p>{t('requestFollowUp', { email: session.email })}</p>
      <p class="p-muted p-ref">{t('reference', { id: session.caseId })}</p>
      <button type="button" class="p-btn p-btn-ghost" onClick={onStartOver} data-testid="portal-new-chat">
        {S.newChat}
      </button>
    </section>
  );
}

function LiveChat({ subdomain, portal, session, onStartOver, onExpired }: Props) {
  const chat = useVisitorChat(subdomain, session, onExpired);
  const screen = useVisitorScreenShare(chat.socket);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const log = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const c = chat.chatCase;
  const ended = c?.chatStatus === 'ended' || chat.gone;
  const waiting = !chat.gone && c?.chatStatus === 'waiting';
  // The server's "all technicians are busy" line (English) is said once, in the waiting notice below.
  const offered = chat.messages.some(isOffer);
  const maxLength = portal.maxLength ?? 1000;

  // Keep the newest line in view (the log scrolls, the page does not).
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.messages.length, chat.typing]);

  if (c?.type === 'support_request')
    return (
      <RequestSent
        session={session}
        onStartOver={onStartOver}
        converted
        overflowed={c.endedReason === 'overflowed'}
        abandoned={c.endedReason === 'abandoned'}
      />
    );

  const send = (e?: Event) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body || ended) return;
    chat.send(body.slice(0, maxLength));
    setDraft('');
    clearTimeout(idle.current);
    input.current?.focus();
  };

  const onInput = (e: Event) => {
    setDraft((e.currentTarget as HTMLTextAreaElement).value);
    chat.setTyping(true);
    clearTimeout(idle.current);
    idle.current = setTimeout(() => chat.setTyping(false), 3000);
  };

  const confirmEnd = async () => {
    dialog.current?.close();
    setError(null);
    try {
      await chat.end();
    } catch {
      setError(S.genericError);
    }
  };

  const convert = async () => {
    setError(null);
    try {
      await chat.convert();
    } catch {
      setError(S.genericError);
    }
  };

  const download = async () => {
    setDownloading(true);
    setError(null);
    try {
      await portalApi.downloadTranscript(session.caseId, session.token);
    } catch {
      setError(S.genericError);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section
      class="p-chat"
      aria-label={S.chatLog}
      data-testid="portal-chat"
      data-chat-status={c?.chatStatus ?? 'connecting'}
    >
      <div class="p-chat-bar">
        <span class={`p-dot p-dot-${chat.state}`} aria-hidden="true" />
        <span class="p-chat-who">{c?.technician?.name ?? portal.name}</span>
        {!ended && (
          <button
            type="button"
            class="p-btn p-btn-ghost p-btn-sm"
            onClick={() => dialog.current?.showModal()}
            disabled={!c}
            data-testid="portal-end-chat"
          >
            {S.endChat}
          </button>
        )}
      </div>
      {chat.state === 'offline' && (
        <p class="p-banner" role="status" data-testid="portal-reconnecting">
          {S.reconnecting}
        </p>
      )}
      {!ended && screen.phase === 'sharing' && (
        <div class="p-banner p-screen-banner" role="status" data-testid="portal-screen-sharing">
          <span>
            {S.screenSharing}
            {screen.recorded ? ` ${S.screenRecorded}` : ''}
          </span>
          <button
            type="button"
            class="p-btn p-btn-danger p-btn-sm"
            onClick={screen.stop}
            data-testid="portal-screen-stop"
          >
            {S.screenStop}
          </button>
        </div>
      )}
      <ol class="p-log" ref={log} aria-label={S.chatLog} tabIndex={0}>
        {chat.messages
          .filter((m) => !isOffer(m))
          .map((m) => (
            <Message key={m.id} m={m} onRetry={() => chat.retry(m)} />
          ))}
        {!ended && (screen.phase === 'asked' || screen.phase === 'starting') && (
          <li class="p-screen-ask" data-testid="portal-screen-request">
            <p>
              <strong>{askText(screen.asker)}</strong>
            </p>
            <p class="p-muted">{screen.phase === 'starting' ? S.screenStarting : S.screenAskHint}</p>
            {screen.recorded && (
              <p data-testid="portal-screen-recorded">
                <strong>{S.screenRecorded}</strong>
              </p>
            )}
            <div class="p-screen-actions">
              <button
                type="button"
                class="p-btn p-btn-sm"
                onClick={() => void screen.share()}
                disabled={screen.phase === 'starting'}
                data-testid="portal-screen-share"
              >
                {S.screenShare}
              </button>
              <button
                type="button"
                class="p-btn p-btn-ghost p-btn-sm"
                onClick={screen.decline}
                disabled={screen.phase === 'starting'}
                data-testid="portal-screen-decline"
              >
                {S.screenDecline}
              </button>
            </div>
          </li>
        )}
        {!ended && screen.notice && (
          <li class="p-system" role="status" data-testid="portal-screen-notice">
            {screen.notice}
          </li>
        )}
        {waiting && (
          <li class="p-waiting" data-testid="portal-waiting">
            <p data-testid="portal-waiting-status">{offered ? S.busy : S.waiting}</p>
            {chat.queue && (
              <p data-testid="portal-queue-position" data-position={chat.queue.position}>
                {chat.queue.position <= 1 ? S.queueNext : t('queuePosition', { position: chat.queue.position })}{' '}
                {chat.queue.estimatedWaitSeconds === null
                  ? ''
                  : chat.queue.estimatedWaitSeconds < 60
                    ? S.queueWaitSoon
                    : t('queueWait', { minutes: Math.round(chat.queue.estimatedWaitSeconds / 60) })}
              </p>
            )}
            <p>
              {S.waitingOffer}{' '}
              <button type="button" class="p-link" onClick={convert} data-testid="portal-convert">
                {S.clickHere}
              </button>{' '}
              {S.waitingOfferRest}
            </p>
          </li>
        )}
      </ol>
      <p class="p-typing" aria-hidden={!chat.typing} data-testid="portal-typing">
        {chat.typing !== null ? t('typing', { name: chat.typing || c?.technician?.name || S.agentFallback }) : ''}
      </p>
      <div class="visually-hidden" aria-live="polite" data-testid="portal-live-region">
        {chat.announce?.text ?? ''}
      </div>
      {error && (
        <p class="p-error" role="alert">
          {error}
        </p>
      )}
      {ended ? (
        <div class="p-ended" data-testid="portal-ended">
          <p role="status">{chat.gone ? S.gone : c?.endedReason === 'technician_left' ? S.endedByAgent : S.ended}</p>
          <div class="p-ended-actions">
            {/* A deleted case has no transcript left to download. */}
            {!chat.gone && (
              <button
                type="button"
                class="p-btn"
                onClick={download}
                disabled={downloading}
                aria-busy={downloading}
                data-testid="portal-transcript"
              >
                {S.transcript}
              </button>
            )}
            <button type="button" class="p-btn p-btn-ghost" onClick={onStartOver} data-testid="portal-new-chat">
              {S.newChat}
            </button>
          </div>
        </div>
      ) : (
        <form class="p-composer" onSubmit={send} data-testid="portal-composer">
          <label for="p-message" class="visually-hidden">
            {S.message}
          </label>
          <textarea
            id="p-message"
            ref={input}
            rows={2}
            value={draft}
            maxLength={maxLength}
            placeholder={S.message}
            onInput={onInput}
            onBlur={() => chat.setTyping(false)}
            onKeyDown={(e) => {
              // Enter sends, Shift+Enter adds a line (the usual chat convention).
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) send(e);
            }}
            data-testid="portal-message-input"
          />
          <button type="submit" class="p-btn" disabled={!draft.trim()} data-testid="portal-send">
            {S.send}
          </button>
        </form>
      )}
      <dialog ref={dialog} class="p-dialog" aria-labelledby="p-end-title" data-testid="portal-end-confirm">
        <p id="p-end-title">{S.endConfirm}</p>
        <div class="p-dialog-actions">
          <button
            type="button"
            class="p-btn p-btn-ghost"
            onClick={() => dialog.current?.close()}
            data-testid="portal-end-cancel"
          >
            {S.cancel}
          </button>
          <button type="button" class="p-btn p-btn-danger" onClick={confirmEnd} data-testid="portal-end-confirm-yes">
            {S.endChat}
          </button>
        </div>
      </dialog>
    </section>
  );
}

const isOffer = (m: ChatMessage) => m.kind === 'system' && isLine(m.body, PORTAL_WAITING_OFFER_LINE);

function Message({ m, onRetry }: { m: ChatMessage; onRetry(): void }) {
  if (m.kind === 'system' || m.author.kind === 'system') {
    return (
      <li class="p-system" data-testid="portal-system-message">
        {translateLine(m.body, lang)}
      </li>
    );
  }
  const mine = m.author.kind === 'contact';
  return (
    <li
      class={`p-msg ${mine ? 'is-mine' : 'is-theirs'}${m.pending ? ` is-${m.pending}` : ''}`}
      data-testid="portal-message"
      data-author={m.author.kind}
    >
      <span class="p-msg-meta">
        <span class="p-msg-author">{mine ? S.you : m.author.name}</span>{' '}
        <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
      </span>
      <span class="p-msg-body">{m.body}</span>
      {m.pending === 'failed' && (
        <button type="button" class="p-link p-msg-retry" onClick={onRetry}>
          {S.sendFailed} {S.retry}
        </button>
      )}
    </li>
  );
}
