import { Module } from '@nestjs/common';
import { NotificationPreferencesController } from './controllers/notification-preferences.controller.js';
import { ConversationInboundDestination } from './inbound/conversation-inbound.destination.js';
import { ConversationGateway } from './realtime/conversation.gateway.js';
import { ConversationRepository } from './repositories/conversation.repository.js';
import { MessageRepository } from './repositories/message.repository.js';
import { NotificationPreferenceRepository } from './repositories/notification-preference.repository.js';
import { ParticipantRepository } from './repositories/participant.repository.js';
import { ChannelLimits } from './services/channel-limits.service.js';
import { ConversationFanout } from './services/conversation-fanout.service.js';
import { ConversationMessageService } from './services/conversation-message.service.js';
import { ConversationParticipantService } from './services/conversation-participant.service.js';
import { ConversationRecordService } from './services/conversation-record.service.js';
import { ConversationStartService } from './services/conversation-start.service.js';
import { ConversationStateService } from './services/conversation-state.service.js';
import { ConversationTimers } from './services/conversation-timers.service.js';
import { ConversationService } from './services/conversation.service.js';
import { MessageWriter } from './services/message-writer.service.js';
import { NotificationPreferencesService } from './services/notification-preferences.service.js';
import { ParticipantCache } from './services/participant-cache.js';
import { ConversationLanguageService } from './services/conversation-language.service.js';
import { AgentMessageRules } from './services/agent-message-rules.service.js';

/** The conversation core: conversations, participants, group-committed messages, fan-out, timers. */
@Module({
  controllers: [NotificationPreferencesController],
  providers: [
    ConversationRepository,
    ParticipantRepository,
    MessageRepository,
    NotificationPreferenceRepository,
    MessageWriter,
    ConversationFanout,
    ConversationTimers,
    ParticipantCache,
    ChannelLimits,
    AgentMessageRules,
    ConversationLanguageService,
    ConversationMessageService,
    ConversationParticipantService,
    ConversationRecordService,
    ConversationStartService,
    ConversationStateService,
    ConversationService,
    NotificationPreferencesService,
    ConversationGateway,
    ConversationInboundDestination,
  ],
  exports: [
    ConversationService,
    ConversationMessageService,
    ConversationFanout,
    ConversationTimers,
    ChannelLimits,
    AgentMessageRules,
    NotificationPreferencesService,
  ],
})
export class ChatModule {}
