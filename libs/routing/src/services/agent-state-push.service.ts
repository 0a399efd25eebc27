import { Injectable } from '@nestjs/common';
import { RealtimeService } from '@switchboard/core';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import type { AgentStateEntity } from '../entities/agent-state.entity.js';
import { toAgentStateView } from './agent-state.view.js';

/** `agent.state_changed` to the agent's own sockets (the top bar follows it), read from the row after the change. */
@Injectable()
export class AgentStatePush {
  constructor(
    private readonly states: AgentStateRepository,
    private readonly realtime: RealtimeService,
  ) {}

  /** The row it read, for a caller deciding on the same state (no second read). */
  async push(accountId: string): Promise<AgentStateEntity | null> {
    const row = await this.states.findById(accountId);
    if (row) this.realtime.toAccount(accountId, 'agent.state_changed', toAgentStateView(row));
    return row;
  }
}
