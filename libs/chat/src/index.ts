// The conversation core's public surface (portal, cases, agent chat and routing import only this).
export { ChatModule } from './chat.module.js';
export { CHAT_ENTITIES } from './entities/index.js';
export {
  ConversationService,
  type StartConversationInput,
  type PostMessageInput,
  type ParticipantInput,
  type EndInput,
  type ActivationTimers,
  type LocalText,
} from './services/conversation.service.js';
export {
  CONVERSATION_DESTINATION,
  type ConversationDelivery,
  type ConversationInbound,
} from './inbound/conversation-inbound.destination.js';
export { ConversationMessageService } from './services/conversation-message.service.js';
export { ConversationFanout } from './services/conversation-fanout.service.js';
export {
  ConversationTimers,
  type ConversationDeadline,
  type ConversationTimerHandler,
} from './services/conversation-timers.service.js';
export { ChannelLimits } from './services/channel-limits.service.js';
export { AgentMessageRules, type AgentMessageRule } from './services/agent-message-rules.service.js';
export { HostTransportChannel, type HostTransportChannelSpec } from './services/host-transport-channel.js';
export {
  NotificationPreferencesService,
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
} from './services/notification-preferences.service.js';
export { renderTranscript, type TranscriptHeader } from './services/transcript.renderer.js';
export * from './chat.types.js';
// Response DTOs of conversation messages, for the controllers of the libs above (OpenAPI document).
export {
  MessageAckDto,
  MessageAuthorDto,
  MessageFileDto,
  MessageListDto,
  MessageViewDto,
} from './dto/message-view.dto.js';
