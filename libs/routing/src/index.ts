export { RoutingModule } from './routing.module.js';
export { ROUTING_ENTITIES } from './entities/index.js';
export { QueueService } from './services/queue.service.js';
export { WrapUpReasonService } from './services/wrap-up-reason.service.js';
export { AgentStateService } from './services/agent-state.service.js';
export { AgentPicker } from './services/agent-picker.service.js';
export { ChatAvailability } from './services/chat-availability.service.js';
export {
  AGENT_STATES,
  type AgentState,
  type AgentStateView,
  type QueueView,
  type WrapUpReasonView,
} from './routing.types.js';
