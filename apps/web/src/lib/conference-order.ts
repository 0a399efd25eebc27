import type { ConferenceChangedEvent, ConferenceState } from '@switchboard/contracts';

// ringing < joined < any end: a conference never moves back.
const RANK: Record<ConferenceState, number> = {
  ringing: 0,
  joined: 1,
  declined: 2,
  expired: 2,
  cancelled: 2,
  ended: 2,
};

/**
 * Keeps the furthest state seen per conference, so a `conference.changed` that two instances
 * delivered out of order (an accept racing End) cannot bring an ended conference back on screen.
 */
export class ConferenceOrder {
  private readonly seen = new Map<string, number>();

  /** True when the event moves its conference forward (show it), false when it is older news. */
  accept(event: Pick<ConferenceChangedEvent, 'conferenceId' | 'state'>): boolean {
    const rank = RANK[event.state] ?? 0;
    const before = this.seen.get(event.conferenceId);
    if (before !== undefined && rank <= before) return false;
    this.seen.set(event.conferenceId, rank);
    return true;
  }
}
