// Agent chat's public surface (the app composes the module and its entities).
export { AgentChatModule } from './agent-chat.module.js';
export { AGENT_CHAT_ENTITIES } from './entities/index.js';
export { AgentChatTickets } from './services/agent-chat-tickets.service.js';
export * from './agent-chat.types.js';
