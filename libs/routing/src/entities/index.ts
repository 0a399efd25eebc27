import { AgentStateEntity } from './agent-state.entity.js';
import { ConferenceEntity } from './conference.entity.js';
import { QueueEntity } from './queue.entity.js';
import { RoutingContactEntity } from './routing-contact.entity.js';
import { WrapUpReasonEntity } from './wrap-up-reason.entity.js';
import { WrapUpEntity } from './wrap-up.entity.js';

export { AgentStateEntity, ConferenceEntity, QueueEntity, RoutingContactEntity, WrapUpReasonEntity, WrapUpEntity };

/** The routing lib's tables; the app adds them to its schema. */
export const ROUTING_ENTITIES = [
  QueueEntity,
  WrapUpReasonEntity,
  AgentStateEntity,
  RoutingContactEntity,
  WrapUpEntity,
  ConferenceEntity,
];
