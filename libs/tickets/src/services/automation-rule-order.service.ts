import { Injectable } from '@nestjs/common';
import { Clock, TransactionRunner, ValidationFailedError } from '@switchboard/core';
import { AutomationRuleRepository } from '../repositories/automation-rule.repository.js';
import { toRuleView, type RuleView } from './automation.service.js';

/**
 * Admin → Automation: the order rules run in. The admin sends every rule's id in the new order;
 * positions are rewritten in one transaction, so two admins reordering at once never interleave
 * into a mixed order, and a list that is out of date (a rule added or deleted meanwhile) is a 400.
 */
@Injectable()
export class AutomationRuleOrderService {
  constructor(
    private readonly rules: AutomationRuleRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async reorder(ids: string[]): Promise<RuleView[]> {
    return this.tx.run(async (tx) => {
      const rules = await this.rules.allForUpdate(tx);
      const known = new Set(rules.map((r) => r.id));
      const given = new Set(ids);
      const unknown = ids.filter((id) => !known.has(id));
      const missing = rules.filter((r) => !given.has(r.id)).map((r) => r.id);
      const problems = [
        ...(given.size !== ids.length ? ['lists a rule twice'] : []),
        ...(unknown.length ? [`names rules that do not exist: ${unknown.join(', ')}`] : []),
        ...(missing.length ? [`leaves out rules (reload the list): ${missing.join(', ')}`] : []),
      ];
      if (problems.length)
        throw new ValidationFailedError(`The new order must list every rule once: it ${problems.join('; ')}`, {
          ids: problems,
        });
      const byId = new Map(rules.map((r) => [r.id, r]));
      const now = this.clock.now();
      // Gaps of 10 leave room for a rule created with an explicit position between two others.
      for (const [i, id] of ids.entries()) {
        const rule = byId.get(id)!;
        const position = (i + 1) * 10;
        if (rule.position === position) continue;
        rule.position = position;
        rule.updatedAt = now;
        await this.rules.setPosition(id, position, now, tx);
      }
      return ids.map((id) => toRuleView(byId.get(id)!));
    });
  }
}
