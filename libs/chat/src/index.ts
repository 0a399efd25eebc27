// The conversation core's public surface (portal, cases, routing import only this).
export * from './chat-core.js';
// Agent chat (helpdesk agent on devices): built on the core above and on tickets.
export { AgentChatModule } from './agent-chat/agent-chat.module.js';
export { AGENT_CHAT_ENTITIES } from './agent-chat/entities/index.js';
export { AgentChatTickets } from './agent-chat/services/agent-chat-tickets.service.js';
export * from './agent-chat/agent-chat.types.js';
