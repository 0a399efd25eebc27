import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock, type Tx } from '@switchboard/core';
import { ContactReleaseRegistry, type ReleaseNotice } from '@switchboard/routing';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseNotifier } from './case-notifier.service.js';
import { CaseViewBuilder } from './case-views.service.js';

/**
 * An agent transferred a queue-routed chat: the case goes back to Unassigned while the chat runs
 * (unlike "Unassign", which refuses a running chat: here the customer is waiting in a queue or
 * ringing the next agent), so the next agent's accept assigns it as "Assign to me" does. The
 * un-assign runs in the transfer's transaction (no window where the contact is offerable but the case
 * still assigned); case.updated goes out through the returned notice, after the commit.
 */
@Injectable()
export class CaseContactRelease implements OnModuleInit {
  private readonly logger = new Logger('Cases');

  constructor(
    private readonly registry: ContactReleaseRegistry,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewBuilder,
    private readonly notifier: CaseNotifier,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register((conversationId, agent, tx) => this.release(conversationId, agent.id, tx));
  }

  /** Un-assigns inside `tx`; the notice (case.updated) is for the caller to send once `tx` committed. */
  async release(id: string, agentId: string, tx?: Tx): Promise<ReleaseNotice | undefined> {
    const c = await this.cases.findById(id, tx);
    if (!c || c.status !== 'assigned' || c.assigneeId !== agentId) return undefined;
    const won = await this.cases.transition(
      id,
      'assigned',
      { status: 'unassigned', assigneeId: null, assigneeName: null, assignedAt: null, updatedAt: this.clock.now() },
      tx,
    );
    if (!won) {
      this.logger.warn(`case ${id} changed before its transfer released it`);
      return undefined;
    }
    // Read after the commit: the case as it is by then (the next agent may have accepted it already).
    return async () => {
      const current = await this.cases.findById(id);
      if (current) await this.notifier.updated(await this.views.one(current), ['status', 'assignee']);
    };
  }
}
