// The contact pop-up (#14): one card per offered chat with the customer's name, the queue, the
// thread so far, who it is offered to, the date, a timer since the chat arrived, the time left to
// accept and a Proactive marker. Accept opens the chat in the case pane; names and messages arrive
// masked from the server. Loaded lazily by the shell when the first offer arrives.
import type { ContactOfferedEvent, ContactTransferAbandonedEvent, TransferAbandonReason } from '@switchboard/contracts';
import { translateLine } from '@switchboard/contracts';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../lib/api.types';
import { cc } from '../../lib/contact-centre.i18n';
import type { OfferNotice } from '../../lib/contact-offers.hook';
import { formatDateTime, initials } from '../../lib/format';
import { language } from '../../lib/i18n';
import { useLive } from '../../lib/live.context';
import { navigate } from '../../lib/router.hook';
import { serverNow } from '../../lib/server-clock';

interface Props {
  me: Me;
  offers: ContactOfferedEvent[];
  notice: OfferNotice | null;
  abandoned: ContactTransferAbandonedEvent | null;
  drop(conversationId: string): void;
  clearNotice(): void;
}

const THREAD_LINES = 6;

/** The notice for each way a direct transfer can end without its target. */
const ABANDONED_TEXT = {
  declined: 'transferAbandonedDeclined',
  expired: 'transferAbandonedExpired',
  withdrawn: 'transferAbandonedWithdrawn',
  overflowed: 'transferAbandonedOverflowed',
} as const satisfies Record<TransferAbandonReason, string>;

/** 75 → "1:15"; 3725 → "1:02:05". */
export function clockDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function ContactOffers({ me, offers, notice, abandoned, drop, clearNotice }: Props) {
  const live = useLive();
  const [now, setNow] = useState(serverNow());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // One tick a second while something is on screen (the timers), none otherwise.
  useEffect(() => {
    if (!offers.length) return;
    setNow(serverNow());
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, [offers.length > 0]);

  // A browser notification when the tab is in the background (queue and masked name only).
  useEffect(() => {
    const latest = offers[offers.length - 1];
    if (!latest || !document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return;
    const n = new Notification(cc('notifyTitle', { queue: latest.queueName }), {
      body: latest.customerName,
      tag: `offer-${latest.conversationId}`,
    });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  }, [offers.length]);

  const answer = async (offer: ContactOfferedEvent, accept: boolean) => {
    if (!live) return;
    setBusy(offer.conversationId);
    setError(null);
    try {
      if (accept) {
        await live.request('contact.accept', { conversationId: offer.conversationId });
        drop(offer.conversationId);
        navigate(`/cases/${encodeURIComponent(offer.conversationId)}`);
      } else {
        drop(offer.conversationId);
        await live.request('contact.decline', { conversationId: offer.conversationId });
      }
    } catch (e) {
      drop(offer.conversationId);
      setError((e as Error).message || cc('offerTaken'));
    } finally {
      setBusy(null);
    }
  };

  if (!offers.length && !notice && !abandoned && !error) return null;
  return (
    <div class="contact-offers" role="region" aria-label={cc('offersRegion')} data-testid="contact-offers">
      {(notice || error) && (
        <div class="chat-request card" role="alert" data-testid="contact-offer-notice" data-notice={notice ?? 'error'}>
          <p>
            {error ??
              (notice === 'expired'
                ? cc('offerExpired')
                : notice === 'conference_withdrawn'
                  ? cc('offerConferenceWithdrawn')
                  : cc('offerWithdrawn'))}
          </p>
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            onClick={() => {
              setError(null);
              clearNotice();
            }}
          >
            {cc('dismiss')}
          </button>
        </div>
      )}
      {abandoned && (
        <div class="chat-request card" role="alert" data-testid="contact-transfer-abandoned">
          <p>{cc(ABANDONED_TEXT[abandoned.reason], { name: abandoned.targetName })}</p>
          <button type="button" class="btn btn-ghost btn-sm" onClick={clearNotice}>
            {cc('dismiss')}
          </button>
        </div>
      )}
      {offers.map((o) => {
        const waited = (now - Date.parse(o.arrivedAt)) / 1000;
        const left = Math.ceil((Date.parse(o.expiresAt) - now) / 1000);
        const thread = o.messages.slice(-THREAD_LINES);
        return (
          <section
            key={o.conversationId}
            class="contact-offer card"
            aria-labelledby={`offer-${o.conversationId}`}
            data-testid="contact-offer"
            data-conversation-id={o.conversationId}
          >
            <header class="contact-offer-head">
              <span class="avatar" aria-hidden="true">
                {initials(o.customerName)}
              </span>
              <div>
                <strong id={`offer-${o.conversationId}`} data-testid="contact-offer-customer">
                  {o.customerName}
                </strong>
                <span class="muted small" data-testid="contact-offer-title">
                  {cc('offerTitle', { queue: o.queueName })}
                </span>
              </div>
              {o.conference && (
                <span class="pill contact-offer-conference" data-testid="contact-offer-conference">
                  {cc('offerConference', { name: o.conference.requestedByName })}
                </span>
              )}
              {o.proactive && (
                <span
                  class="pill contact-offer-proactive"
                  title={cc('offerProactiveHint')}
                  data-testid="contact-offer-proactive"
                >
                  {cc('offerProactive')}
                </span>
              )}
            </header>
            {o.transfer && (
              <p class="pill contact-offer-transfer" data-testid="contact-offer-transfer">
                {cc('transferredBy', { name: o.transfer.fromName })}
              </p>
            )}
            <dl class="contact-offer-facts">
              <div>
                <dt>{cc('offerQueue')}</dt>
                <dd data-testid="contact-offer-queue">{o.queueName}</dd>
              </div>
              <div>
                <dt>{cc('offerAgent')}</dt>
                <dd data-testid="contact-offer-agent">{me.name}</dd>
              </div>
              <div>
                <dt>{cc('offerDate')}</dt>
                <dd>
                  <time dateTime={o.arrivedAt} data-testid="contact-offer-date">
                    {formatDateTime(o.arrivedAt)}
                  </time>
                </dd>
              </div>
              <div>
                <dt>{cc('offerWaiting')}</dt>
                <dd class="tabular" data-testid="contact-offer-timer">
                  {clockDuration(waited)}
                </dd>
              </div>
            </dl>
            <div class="contact-offer-thread" aria-label={cc('offerThread')} data-testid="contact-offer-thread">
              {thread.length === 0 && <p class="muted small">{cc('offerNoMessages')}</p>}
              {thread.map((m) => (
                <p key={m.id} class={`contact-offer-line author-${m.author.kind}`}>
                  {m.author.kind === 'system' ? (
                    <em>{translateLine(m.body, language())}</em>
                  ) : (
                    <>
                      <strong>{m.author.name}</strong> {m.body}
                    </>
                  )}
                </p>
              ))}
            </div>
            <p class="muted small tabular" data-testid="contact-offer-expires">
              {cc('offerExpires', { seconds: Math.max(0, left) })}
            </p>
            <div class="chat-request-actions">
              <button
                type="button"
                class="btn btn-primary btn-sm"
                disabled={busy === o.conversationId}
                onClick={() => void answer(o, true)}
                data-testid="contact-offer-accept"
              >
                {cc('accept')}
              </button>
              <button
                type="button"
                class="btn btn-ghost btn-sm"
                disabled={busy === o.conversationId}
                onClick={() => void answer(o, false)}
                data-testid="contact-offer-decline"
              >
                {cc('decline')}
              </button>
            </div>
          </section>
        );
      })}
    </div>
  );
}
