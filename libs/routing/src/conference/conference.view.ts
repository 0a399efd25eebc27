import type { ConferenceEntity } from '../entities/conference.entity.js';
import type { ConferenceView } from '../routing.types.js';

export function toConferenceView(c: ConferenceEntity): ConferenceView {
  return {
    state: c.state,
    agentId: c.agentId,
    agentName: c.agentName,
    requestedById: c.requestedById,
    requestedByName: c.requestedByName,
  };
}
