import { Module } from '@nestjs/common';
import { ChatModule } from '@switchboard/chat';
import { TicketsModule } from '@switchboard/tickets';
import { AgentChatsController } from './controllers/agent-chats.controller.js';
import { DeviceChatFilesController } from './controllers/device-chat-files.controller.js';
import { DeviceChatGateway } from './realtime/device-chat.gateway.js';
import { ChatOfferRepository } from './repositories/chat-offer.repository.js';
import { IdentityTokenRepository } from './repositories/identity-token.repository.js';
import { AgentChannel } from './services/agent-channel.service.js';
import { AgentChatFlow } from './services/agent-chat-flow.service.js';
import { AgentChatNotifier } from './services/agent-chat-notifier.service.js';
import { AgentChatAcceptTimer } from './services/agent-chat-accept.timer.js';
import { AgentChatAutoTicketTimer } from './services/agent-chat-auto-ticket.timer.js';
import { AgentChatIdleTimer } from './services/agent-chat-idle.timer.js';
import { AgentChatTicketLinkService } from './services/agent-chat-ticket-link.service.js';
import { ChatFilesService } from './services/chat-files.service.js';
import { DeviceChatService } from './services/device-chat.service.js';
import { DeviceChatPolicy } from './services/device-chat-policy.service.js';
import { DeviceChatRequestService } from './services/device-chat-request.service.js';
import { IdentityConfirmationService } from './services/identity-confirmation.service.js';
import { TechnicianChatStartService } from './services/technician-chat-start.service.js';
import { TechnicianChatService } from './services/technician-chat.service.js';

/**
 * Agent chat: technicians and the people at end users' devices, through the helpdesk agent
 * (/device) and the technicians' console (/agent + REST). Builds on the conversation core
 * (libs/chat) and tickets (automatic ticket, "Start chat" from a ticket, activity).
 */
@Module({
  imports: [ChatModule, TicketsModule],
  controllers: [AgentChatsController, DeviceChatFilesController],
  providers: [
    ChatOfferRepository,
    IdentityTokenRepository,
    AgentChannel,
    AgentChatNotifier,
    AgentChatFlow,
    TechnicianChatService,
    TechnicianChatStartService,
    DeviceChatService,
    DeviceChatPolicy,
    DeviceChatRequestService,
    AgentChatTicketLinkService,
    AgentChatAcceptTimer,
    AgentChatIdleTimer,
    AgentChatAutoTicketTimer,
    IdentityConfirmationService,
    ChatFilesService,
    DeviceChatGateway,
  ],
  exports: [AgentChatTicketLinkService],
})
export class AgentChatModule {}
