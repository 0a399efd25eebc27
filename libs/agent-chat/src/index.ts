// Agent chat (the helpdesk agent on devices): built on the conversation core and on tickets.
export { AgentChatModule } from './agent-chat.module.js';
export { AGENT_CHAT_ENTITIES } from './entities/index.js';
export { AgentChatTicketLinkService } from './services/agent-chat-ticket-link.service.js';
export * from './agent-chat.types.js';
