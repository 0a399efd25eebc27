import { Injectable } from '@nestjs/common';
import { TechnicianDirectory, type Tx } from '@switchboard/core';
import type { QueueEntity } from '../entities/queue.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';

/**
 * "May this agent serve this company?" answers kept for one dispatch pass (a sweep of a queue offers
 * many contacts of the same companies to the same members): key `company:agent`. Never kept longer,
 * so an access change counts from the next pass.
 */
export type ServingMemo = Map<string, boolean>;

/** Free agents checked against the directory this many at a time (most are served: the first batch decides). */
const SERVING_BATCH = 10;

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

  async pick(
    queue: QueueEntity,
    companyId: string,
    exclude: string[] = [],
    tx?: Tx,
    memo: ServingMemo = new Map(),
  ): Promise<string | null> {
    const members = queue.memberIds.filter((id) => !exclude.includes(id));
    if (!members.length) return null;
    // Common case, one statement: the first free member (routing order, those known not to serve
    // left out) is known to serve the company → its slot is claimed at once; nobody free → null.
    const open = members.filter((id) => memo.get(`${companyId}:${id}`) !== false);
    const known = open.filter((id) => memo.get(`${companyId}:${id}`));
    if (known.length) {
      const { claimed, anyFree } = await this.states.claimFirstFree(open, known, tx);
      if (claimed) return claimed;
      if (!anyFree) return null;
    }
    // Free agents first (a cheap indexed read), then the directory only for as many as needed:
    // checking every member's companies per decision was the costliest step of an offer.
    const candidates = await this.states.freeAgents(members, tx);
    const busyElsewhere: string[] = [];
    for (let i = 0; i < candidates.length; i += SERVING_BATCH) {
      const batch = candidates.slice(i, i + SERVING_BATCH);
      const serving = await this.serving(companyId, batch, memo);
      for (const id of batch.filter((x) => serving.has(x))) {
        if (await this.states.claimSlotUnlessLocked(id, tx)) return id;
        busyElsewhere.push(id);
      }
    }
    // Skipped (another decision held the row) or taken meanwhile: wait for each row in turn, so
    // "nobody" is only answered when no slot is free once the other decisions are done.
    for (const id of busyElsewhere) if (await this.states.claimSlot(id, tx)) return id;
    return null;
  }

  /**
   * Fills the memo for the first free members, OUTSIDE the decision's transaction: inside it the
   * directory read needs pooled connections of its own while the transaction holds one, and many
   * decisions at once then wait on the pool for each other. `pick` asks again for any it lacks.
   * False when no member had a free slot at the time of the read.
   */
  async prefetch(queue: QueueEntity, companyId: string, memo: ServingMemo): Promise<boolean> {
    const free = await this.states.freeAgents(queue.memberIds);
    if (free.length) await this.serving(companyId, free.slice(0, SERVING_BATCH), memo);
    return free.length > 0;
  }

  private async serving(companyId: string, ids: string[], memo: ServingMemo): Promise<Set<string>> {
    const unknown = ids.filter((id) => !memo.has(`${companyId}:${id}`));
    if (unknown.length) {
      const allowed = new Set((await this.directory.serving(companyId, unknown)).serving.map((a) => a.id));
      for (const id of unknown) memo.set(`${companyId}:${id}`, allowed.has(id));
    }
    return new Set(ids.filter((id) => memo.get(`${companyId}:${id}`)));
  }
}
