import { Injectable } from '@nestjs/common';
import { AccountService, Clock, TransactionRunner } from '@switchboard/core';
import { AgentStateEntity } from '../entities/agent-state.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { OfferDispatcher } from '../offers/offer-dispatcher.service.js';
import { DEFAULT_MAX_CHATS, type AgentStateView, type ChoosableAgentState } from '../routing.types.js';
import { AgentStatePush } from './agent-state-push.service.js';
import { toAgentStateView } from './agent-state.view.js';

/**
 * The agent's contact-centre state. The pool availability (cases' Unassigned) follows the same
 * switch, so a technician has one control in the top bar: Available ⇔ available, Not ready ⇔ unavailable.
 */
@Injectable()
export class AgentStateService {
  constructor(
    private readonly states: AgentStateRepository,
    private readonly accounts: AccountService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly push: AgentStatePush,
    private readonly dispatcher: OfferDispatcher,
  ) {}

  async get(accountId: string): Promise<AgentStateView> {
    const row = await this.states.findById(accountId);
    if (row) return toAgentStateView(row);
    // No row before the first switch: the pool availability tells Available from Not ready.
    const account = await this.accounts.get(accountId);
    return toAgentStateView(this.fresh(accountId, account.availability === 'available' ? 'available' : 'not_ready'));
  }

  async choose(accountId: string, state: ChoosableAgentState): Promise<AgentStateView> {
    await this.follow(accountId, state);
    await this.accounts.setAvailability(accountId, state === 'available' ? 'available' : 'unavailable');
    return this.get(accountId);
  }

  /** Writes the agent's choice only (the pool availability already says it: the top bar's other switch). */
  async follow(accountId: string, state: ChoosableAgentState): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      await this.states.ensure(this.fresh(accountId, 'not_ready'), tx);
      await this.states.choose(accountId, state, now, tx);
    });
    await this.changed(accountId);
  }

  /** A slot freed (wrap-up done, offer declined or expired): Busy → Available, the idle clock restarts. */
  async releaseSlot(accountId: string): Promise<void> {
    await this.states.releaseSlot(accountId, this.clock.now());
    await this.changed(accountId);
  }

  /** The offer rang out: RONA (Available again only by hand) and its slot freed. */
  async rona(accountId: string): Promise<void> {
    await this.states.rona(accountId, this.clock.now());
    await this.push.push(accountId);
  }

  /** Tell the agent's sockets, and offer them what waits in their queues if they can take it. */
  private async changed(accountId: string): Promise<void> {
    const row = await this.push.push(accountId);
    if (row?.state === 'available') await this.dispatcher.dispatchForAgent(accountId);
  }

  private fresh(id: string, state: 'available' | 'not_ready'): AgentStateEntity {
    const now = this.clock.now();
    return Object.assign(new AgentStateEntity(), {
      id,
      state,
      activeChats: 0,
      maxChats: DEFAULT_MAX_CHATS,
      stateSince: now,
      idleSince: now,
    });
  }
}

export { toAgentStateView };
