import { Injectable } from '@nestjs/common';
import { AccessPolicy, Clock, type AccountPrincipal } from '@switchboard/core';
import { CaseSeenMarkRepository } from '../repositories/case-seen-mark.repository.js';
import { CaseRepository } from '../repositories/case.repository.js';

/** The red dot: unassigned cases created since the technician last opened the Unassigned column. */
@Injectable()
export class CaseSeenService {
  constructor(
    private readonly marks: CaseSeenMarkRepository,
    private readonly cases: CaseRepository,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async unseen(me: AccountPrincipal): Promise<number> {
    const mark = await this.marks.findById(me.id);
    return this.cases.countUnseen(mark?.seenAt ?? null, this.access.companyFilter(me));
  }

  /** For a broadcast. Approximate for company-restricted technicians (counts every company); GET /api/cases/unseen is exact. */
  async unseenFor(accountIds: string[]): Promise<Map<string, number>> {
    const marks = new Map((await this.marks.findMany(accountIds)).map((m) => [m.id, m.seenAt]));
    // One count per distinct mark (most accounts share "never" or a recent time), not per account.
    const counts = new Map<number | null, Promise<number>>();
    const countFor = (at: Date | null) => {
      const key = at ? new Date(at).getTime() : null;
      if (!counts.has(key)) counts.set(key, this.cases.countUnseen(at));
      return counts.get(key)!;
    };
    const out = new Map<string, number>();
    for (const id of accountIds) out.set(id, await countFor(marks.get(id) ?? null));
    return out;
  }

  async markSeen(me: AccountPrincipal): Promise<{ unseen: number }> {
    await this.marks.markSeen(me.id, this.clock.now());
    return { unseen: 0 };
  }
}
