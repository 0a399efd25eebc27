import { Injectable } from '@nestjs/common';
import { TechnicianDirectory, type Tx } from '@switchboard/core';
import type { QueueEntity } from '../entities/queue.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';

/**
 * The routing decision: the longest-idle Available member of the queue who serves the company and
 * has a free slot, whose slot is claimed in the same step. A lost race (another instance took the
 * slot first) moves on to the next candidate; nobody left → null (the contact keeps waiting).
 */
@Injectable()
export class AgentPicker {
  constructor(
    private readonly states: AgentStateRepository,
    private readonly directory: TechnicianDirectory,
  ) {}

  async pick(queue: QueueEntity, companyId: string, exclude: string[] = [], tx?: Tx): Promise<string | null> {
    const members = queue.memberIds.filter((id) => !exclude.includes(id));
    if (!members.length) return null;
    const serving = new Set((await this.directory.serving(companyId, members)).serving.map((a) => a.id));
    const candidates = await this.states.freeAgents(
      members.filter((id) => serving.has(id)),
      tx,
    );
    for (const id of candidates) if (await this.states.claimSlot(id, tx)) return id;
    return null;
  }
}
