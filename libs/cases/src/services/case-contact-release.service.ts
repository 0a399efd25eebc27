import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@switchboard/core';
import { ContactReleaseRegistry } from '@switchboard/routing';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseNotifier } from './case-notifier.service.js';
import { CaseViewBuilder } from './case-views.service.js';

/**
 * An agent transferred a queue-routed chat: the case goes back to Unassigned while the chat runs
 * (unlike "Unassign", which refuses a running chat: here the customer is waiting in a queue or
 * ringing the next agent), so the next agent's accept assigns it as "Assign to me" does.
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
    this.registry.register((conversationId, agent) => this.release(conversationId, agent.id));
  }

  async release(id: string, agentId: string): Promise<void> {
    const c = await this.cases.findById(id);
    if (!c || c.status !== 'assigned' || c.assigneeId !== agentId) return;
    const won = await this.cases.transition(id, 'assigned', {
      status: 'unassigned',
      assigneeId: null,
      assigneeName: null,
      assignedAt: null,
      updatedAt: this.clock.now(),
    });
    if (!won) return this.logger.warn(`case ${id} changed before its transfer released it`);
    await this.notifier.updated(await this.views.one((await this.cases.findById(id))!), ['status', 'assignee']);
  }
}
