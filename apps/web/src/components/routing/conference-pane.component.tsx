// The conference part of the case pane (#14): the Conference button for the agent who has the
// running chat, "Conference requested" while the colleague's pop-up rings, then "Conference" once
// they joined (following `conference.changed`), End conference for both agents, and why a request
// did not get through (declined, not answered). Restored from GET …/routing after a reload.
import type { ConferenceChangedEvent } from '@switchboard/contracts';
import { ConferenceOrder } from '../../lib/conference-order';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { apiErrorText } from '../../lib/api-errors.i18n';
import type { Me } from '../../lib/api.types';
import { cc } from '../../lib/contact-centre.i18n';
import { useLiveEvent } from '../../lib/live.context';
import { routingApi, type Conference, type ConversationRouting } from '../../lib/routing.api';
import { ConferenceDialog } from './conference-dialog.component';

interface Props {
  routing: ConversationRouting;
  me: Me;
  chatRunning: boolean;
  /** Whether the viewer is the joined colleague (the composer opens for them). */
  onJoinedChange(joined: boolean): void;
}

type Outcome = { state: 'declined' | 'expired'; name: string } | null;

export function ConferencePane({ routing, me, chatRunning, onJoinedChange }: Props) {
  const id = routing.conversationId;
  const [conference, setConference] = useState<Conference | null>(routing.conference);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setConference(routing.conference), [routing]);
  const joinedAsMe = !!conference && conference.state === 'joined' && conference.agentId === me.id && chatRunning;
  useEffect(() => onJoinedChange(joinedAsMe), [joinedAsMe]);

  // Late, out-of-order moves (two instances) never undo a later one.
  const [order] = useState(() => new ConferenceOrder());
  useLiveEvent('conference.changed', (p: ConferenceChangedEvent) => {
    if (p?.conversationId !== id || !order.accept(p)) return;
    if (p.state === 'ringing' || p.state === 'joined') {
      setOutcome(null);
      setConference({
        state: p.state,
        agentId: p.agentId,
        agentName: p.agentName,
        requestedById: p.requestedById,
        requestedByName: p.requestedByName,
      });
      return;
    }
    setConference(null);
    if ((p.state === 'declined' || p.state === 'expired') && p.requestedById === me.id)
      setOutcome({ state: p.state, name: p.agentName });
  });

  const owner = routing.agentId === me.id && routing.state === 'accepted';
  const canAsk = owner && chatRunning && !conference && !routing.wrapUp && !routing.queueDeleted;
  const canEnd = !!conference && chatRunning && (owner || joinedAsMe);

  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await routingApi.endConference(id);
      setConference(null);
    } catch (err) {
      setError(err instanceof ApiError ? apiErrorText(err.code, err.message) : cc('conferenceEndFailed'));
    } finally {
      setBusy(false);
    }
  };

  if (!canAsk && !conference && !outcome && !error) return null;
  return (
    <div class="conference-pane" data-testid="conference-pane">
      {conference && (
        <p class="pill conference-badge" role="status" data-testid="conference-badge" data-state={conference.state}>
          {conference.state === 'ringing'
            ? cc('conferenceRequested', { name: conference.agentName })
            : conference.agentId === me.id
              ? cc('conferenceWith', { name: conference.requestedByName })
              : cc('conferenceJoined', { name: conference.agentName })}
        </p>
      )}
      {outcome && (
        <p class="notice" role="status" data-testid="conference-outcome" data-state={outcome.state}>
          {outcome.state === 'declined'
            ? cc('conferenceDeclined', { name: outcome.name })
            : cc('conferenceExpired', { name: outcome.name })}
        </p>
      )}
      {canAsk && (
        <button type="button" class="btn btn-secondary" onClick={() => setPicking(true)} data-testid="conference-open">
          {cc('conference')}
        </button>
      )}
      {canEnd && (
        <button type="button" class="btn btn-ghost" onClick={end} disabled={busy} data-testid="conference-end">
          {busy ? cc('conferenceEnding') : cc('conferenceEnd')}
        </button>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {picking && (
        <ConferenceDialog
          conversationId={id}
          onClose={() => setPicking(false)}
          onRequested={(c) => {
            setPicking(false);
            setOutcome(null);
            setConference(c);
          }}
        />
      )}
    </div>
  );
}
