export { RoutingModule } from './routing.module.js';
export { ROUTING_ENTITIES } from './entities/index.js';
export { QueueService } from './services/queue.service.js';
export { WrapUpReasonService } from './services/wrap-up-reason.service.js';
export { AgentStateService } from './services/agent-state.service.js';
export { AgentPicker } from './services/agent-picker.service.js';
export { ContactQueueService, type EnqueueInput } from './offers/contact-queue.service.js';
export { OfferDispatcher } from './offers/offer-dispatcher.service.js';
export { ContactAcceptanceRegistry, type AcceptedContactHandler } from './offers/contact-acceptance.registry.js';
export {
  ContactReleaseRegistry,
  type ReleasedContactHandler,
  type ReleaseNotice,
} from './offers/contact-release.registry.js';
export { estimateWait, QueuePositionService } from './offers/queue-position.service.js';
export { ROUTING_OFFER_TIMER, ROUTING_MAX_WAIT_TIMER } from './offers/routing-timers.js';
export { ChatAvailability } from './services/chat-availability.service.js';
export { WrapUpObligationService, type OpenWrapUpInput } from './wrap-up/wrap-up-obligation.service.js';
export {
  AGENT_STATES,
  type AgentState,
  type AgentStateView,
  type QueueView,
  type WrapUpReasonView,
  type WrapUpCause,
  type WrapUpView,
} from './routing.types.js';
