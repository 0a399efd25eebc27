import { Injectable } from '@nestjs/common';
import { TechnicianDirectory } from '@switchboard/core';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';

/**
 * Whether a portal's chat would reach someone now (its public view: chat form or support request).
 * Pool: anyone Available who serves the company. Queue: a member who serves the company, Available
 * with a free slot (Busy, RONA and Not ready agents take no offers). A queue that no longer exists: nobody.
 */
@Injectable()
export class ChatAvailability {
  constructor(
    private readonly directory: TechnicianDirectory,
    private readonly queues: QueueRepository,
    private readonly states: AgentStateRepository,
  ) {}

  async anyoneAvailable(companyId: string, queueId: string | null): Promise<boolean> {
    if (!queueId) return this.directory.anyoneAvailable(companyId);
    const queue = await this.queues.findById(queueId);
    if (!queue?.memberIds.length) return false;
    const serving = (await this.directory.serving(companyId, queue.memberIds)).serving.map((a) => a.id);
    return (await this.states.freeAgents(serving)).length > 0;
  }
}
