// Holds the contact offers in the shell (so none is missed while a page loads) and shows them
// through the pop-up chunk, fetched on the first offer: the first load stays small for the many
// technicians who never get one.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../lib/api.types';
import { useContactOffers } from '../lib/contact-offers.hook';

type PopUp = ComponentType<ReturnType<typeof useContactOffers> & { me: Me }>;

const loadPopUp = () => import('./routing/contact-offers.component').then((m) => m.ContactOffers as PopUp);

export function ContactOfferHost({ me }: { me: Me }) {
  const state = useContactOffers();
  const [PopUp, setPopUp] = useState<PopUp | null>(null);
  const wanted = state.offers.length > 0 || state.notice !== null || state.abandoned !== null;
  useEffect(() => {
    if (wanted && !PopUp)
      loadPopUp().then(
        (c) => setPopUp(() => c),
        () => undefined,
      );
  }, [wanted]);
  return PopUp && wanted ? <PopUp me={me} {...state} /> : null;
}
