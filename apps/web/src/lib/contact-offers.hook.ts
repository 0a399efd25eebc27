// The shell keeps the contact offers (#14) it hears on /agent: tiny on purpose, because the shell is
// in the first load; the pop-up that shows them is a lazy chunk. An offer ends with
// `contact.offer_closed` (accepted here or in another tab, declined, expired, withdrawn).
import type {
  ContactOfferedEvent,
  ContactOfferCloseReason,
  ContactTransferAbandonedEvent,
} from '@switchboard/contracts';
import { useRef, useState } from 'preact/hooks';
import { chime } from './case-alerts';
import { useLiveEvent } from './live.context';

/** `conference_withdrawn`: the agent who asked into their chat cancelled the conference request. */
export type OfferNotice = Extract<ContactOfferCloseReason, 'expired' | 'withdrawn'> | 'conference_withdrawn';

export interface ContactOffersState {
  offers: ContactOfferedEvent[];
  notice: OfferNotice | null;
  /** A chat I transferred to an agent who declined or let it ring: it is back in its queue. */
  abandoned: ContactTransferAbandonedEvent | null;
  drop(conversationId: string): void;
  clearNotice(): void;
}

export function useContactOffers(): ContactOffersState {
  const [offers, setOffers] = useState<ContactOfferedEvent[]>([]);
  const [notice, setNotice] = useState<OfferNotice | null>(null);
  // The conversations whose offer is a conference request (their withdrawal is not the customer leaving).
  const conferences = useRef(new Set<string>());
  const [abandoned, setAbandoned] = useState<ContactTransferAbandonedEvent | null>(null);
  const drop = (id: string) => setOffers((list) => list.filter((o) => o.conversationId !== id));

  useLiveEvent('contact.offered', (offer) => {
    if (!offer?.conversationId) return;
    setNotice(null);
    if (offer.conference) conferences.current.add(offer.conversationId);
    else conferences.current.delete(offer.conversationId);
    setOffers((list) => [...list.filter((o) => o.conversationId !== offer.conversationId), offer]);
    chime();
  });
  useLiveEvent('contact.offer_closed', (p) => {
    if (!p?.conversationId) return;
    drop(p.conversationId);
    const conference = conferences.current.delete(p.conversationId);
    if (p.reason === 'withdrawn' && conference) setNotice('conference_withdrawn');
    else if (p.reason === 'expired' || p.reason === 'withdrawn') setNotice(p.reason);
  });
  useLiveEvent('contact.transfer_abandoned', (p) => p?.conversationId && setAbandoned(p));
  const clearNotice = () => {
    setNotice(null);
    setAbandoned(null);
  };
  return { offers, notice, abandoned, drop, clearNotice };
}
