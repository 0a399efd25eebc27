import type { AgentStateEntity } from '../entities/agent-state.entity.js';
import type { AgentStateView } from '../routing.types.js';

export const toAgentStateView = (s: AgentStateEntity): AgentStateView => ({
  state: s.state,
  since: new Date(s.stateSince).toISOString(),
  activeChats: s.activeChats,
  maxChats: s.maxChats,
});
