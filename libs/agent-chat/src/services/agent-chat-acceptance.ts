import type { ActivationTimers } from '@switchboard/chat';
import { AGENT_CHAT_ACCEPT } from './agent-chat-accept.timer.js';
import { agentChatAutoTicketDeadline } from './agent-chat-auto-ticket.timer.js';
import { agentChatIdleDeadline } from './agent-chat-idle.timer.js';

/** waiting → active swaps the accept timeout for idle + automatic ticket, in the status change's transaction. */
export function acceptanceTimers(now: Date): ActivationTimers {
  return { cancel: [AGENT_CHAT_ACCEPT], arm: [agentChatIdleDeadline(now), agentChatAutoTicketDeadline(now)] };
}
