import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  AccountService,
  Clock,
  newId,
  NotFoundError,
  TechnicianDirectory,
  ValidationFailedError,
} from '@switchboard/core';
import { REOPEN_ON_CONTACT_REPLY, RuleAction, RuleConditions, RuleTrigger } from '../automation/automation.types.js';
import { matchesConditions } from '../automation/rule-matcher.js';
import { AutomationRuleEntity } from '../entities/automation-rule.entity.js';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { AutomationRuleRepository } from '../repositories/automation-rule.repository.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { PRIORITY_RANK, TicketPriority, TICKET_PRIORITIES } from '../ticket.types.js';
import { iso } from '../ticket.views.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketStatusService } from './ticket-status.service.js';
import { Tx } from '@switchboard/core';

export interface RuleInput {
  name: string;
  enabled?: boolean;
  trigger: RuleTrigger;
  conditions?: RuleConditions;
  actions: RuleAction[];
  position?: number;
}
export interface RuleView {
  id: string;
  name: string;
  enabled: boolean;
  trigger: RuleTrigger;
  conditions: RuleConditions;
  actions: RuleAction[];
  position: number;
  systemKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toRuleView = (r: AutomationRuleEntity): RuleView => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  trigger: r.trigger,
  conditions: r.conditions,
  actions: r.actions,
  position: r.position,
  systemKey: r.systemKey,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/**
 * Automation rules. `run` is called by the ticket services inside their transaction, once per
 * triggering change. Changes made by actions are recorded with the rule as actor and never
 * trigger rules themselves: one pass, no recursion, so rules cannot loop.
 */
@Injectable()
export class AutomationService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Automation');
  private readonly enabledByTx = new WeakMap<Tx, Promise<AutomationRuleEntity[]>>();

  constructor(
    private readonly rules: AutomationRuleRepository,
    private readonly comments: TicketCommentRepository,
    private readonly statuses: TicketStatusService,
    private readonly activity: TicketActivityService,
    private readonly accounts: AccountService,
    private readonly clock: Clock,
    private readonly directory: TechnicianDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    await this.rules.insertIfMissing(
      Object.assign(new AutomationRuleEntity(), {
        id: newId(),
        ...REOPEN_ON_CONTACT_REPLY,
        enabled: false,
        position: 0,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  async run(trigger: RuleTrigger, cs: TicketChangeSet, tx: Tx): Promise<void> {
    for (const rule of (await this.enabledIn(tx)).filter((r) => r.trigger === trigger)) {
      if (!matchesConditions(rule.conditions, cs.ticket)) continue;
      const actor = { kind: 'automation' as const, id: rule.id, name: rule.name };
      this.activity.record(cs, actor, 'automation', null, { rule: rule.name, trigger });
      for (const action of rule.actions) {
        try {
          await this.apply(action, cs, actor, tx);
        } catch (error) {
          // A rule pointing at a deleted status or account must not block the technician's change.
          this.logger.warn({ err: error, rule: rule.id }, `Automation action ${action.type} skipped`);
        }
      }
    }
  }

  /**
   * The enabled rules, read once per transaction (a mail's new ticket fires ticket.created then
   * comment.contact in one): a memo of this call's own read, keyed by its transaction, never a
   * cache another instance's rule change could make wrong. Few rules: all of them in one SELECT.
   */
  private enabledIn(tx: Tx): Promise<AutomationRuleEntity[]> {
    let rules = this.enabledByTx.get(tx);
    if (!rules) {
      rules = this.rules.enabled(tx);
      this.enabledByTx.set(tx, rules);
      // A failed read is not remembered (the transaction fails with it anyway).
      rules.catch(() => this.enabledByTx.delete(tx));
    }
    return rules;
  }

  private async apply(
    action: RuleAction,
    cs: TicketChangeSet,
    actor: { kind: 'automation'; id: string; name: string },
    tx: Tx,
  ): Promise<void> {
    const t = cs.ticket;
    switch (action.type) {
      case 'set_status': {
        if (t.status === action.status) return;
        const status = await this.statuses.require(action.status, 'status', tx);
        this.activity.record(cs, actor, 'status', t.status, status.key);
        cs.statusChange = { from: cs.statusChange?.from ?? t.status, to: status.key, actor };
        Object.assign(t, { status: status.key, statusCategory: status.category });
        cs.changes.add('status');
        return;
      }
      case 'assign': {
        if (t.assigneeId === action.accountId) return;
        // Rules span companies: one that names an account not serving this ticket's company is
        // skipped for this ticket (logged by run), never assigned (#13.6).
        const check = await this.directory.serving(t.companyId, [action.accountId]);
        const account = check.serving[0];
        if (!account) throw new ValidationFailedError(check.refused[0].message);
        this.activity.record(cs, actor, 'assignee', t.assigneeId, account.id);
        t.assigneeId = account.id;
        cs.changes.add('assignee');
        cs.notifications.push({
          accountIds: [account.id],
          input: {
            title: `Ticket #${t.number} was assigned to you`,
            body: t.title,
            link: `/tickets/${t.number}`,
            companyId: t.companyId,
          },
          email: false,
        });
        return;
      }
      case 'set_priority': {
        if (t.priority === action.priority) return;
        this.activity.record(cs, actor, 'priority', t.priority, action.priority);
        Object.assign(t, { priority: action.priority, priorityRank: PRIORITY_RANK[action.priority as TicketPriority] });
        cs.changes.add('priority');
        return;
      }
      case 'add_note': {
        const note = Object.assign(new TicketCommentEntity(), {
          id: newId(),
          ticketId: t.id,
          visibility: 'internal',
          body: action.body,
          authorKind: 'system',
          authorId: null,
          authorName: actor.name.slice(0, 200),
          source: 'automation',
          truncated: false,
          opening: false,
          cc: [],
          notify: [],
          attachments: [],
          messageId: null,
          createdAt: this.clock.now(),
        });
        await this.comments.insert(note, tx);
        cs.comments.push(note);
        this.activity.record(cs, actor, 'note', null, { commentId: note.id });
        return;
      }
      case 'notify':
        cs.notifications.push({
          accountIds: action.accountIds,
          input: {
            title: `#${t.number}: ${action.message ?? actor.name}`,
            body: t.title,
            link: `/tickets/${t.number}`,
            // The audience is filtered by it when sent: only accounts serving the company (#13.6).
            companyId: t.companyId,
          },
          email: false,
        });
        return;
    }
  }

  // --- CRUD (admin) ---

  async list(): Promise<RuleView[]> {
    return (await this.rules.all()).map(toRuleView);
  }

  async get(id: string): Promise<RuleView> {
    return toRuleView(await this.load(id));
  }

  async create(input: RuleInput): Promise<RuleView> {
    await this.check(input.actions);
    const now = this.clock.now();
    const rule = Object.assign(new AutomationRuleEntity(), {
      id: newId(),
      name: input.name.trim(),
      enabled: input.enabled ?? false,
      trigger: input.trigger,
      conditions: input.conditions ?? {},
      actions: input.actions,
      position: input.position ?? 100,
      systemKey: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.rules.insert(rule);
    return toRuleView(rule);
  }

  async update(id: string, input: Partial<RuleInput>): Promise<RuleView> {
    const rule = await this.load(id);
    if (input.actions) await this.check(input.actions);
    if (input.name !== undefined) rule.name = input.name.trim();
    if (input.enabled !== undefined) rule.enabled = input.enabled;
    if (input.trigger !== undefined) rule.trigger = input.trigger;
    if (input.conditions !== undefined) rule.conditions = input.conditions;
    if (input.actions !== undefined) rule.actions = input.actions;
    if (input.position !== undefined) rule.position = input.position;
    rule.updatedAt = this.clock.now();
    await this.rules.save(rule);
    return toRuleView(rule);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.rules.deleteById(id))) throw new NotFoundError('Automation rule', id);
  }

  private async load(id: string): Promise<AutomationRuleEntity> {
    const rule = await this.rules.findById(id);
    if (!rule) throw new NotFoundError('Automation rule', id);
    return rule;
  }

  /** References inside actions must exist when the rule is saved. */
  private async check(actions: RuleAction[]): Promise<void> {
    const errors: string[] = [];
    for (const [i, a] of actions.entries()) {
      if (a.type === 'set_status') await this.statuses.require(a.status, `actions[${i}].status`);
      if (a.type === 'set_priority' && !TICKET_PRIORITIES.includes(a.priority as TicketPriority))
        errors.push(`actions[${i}].priority must be one of ${TICKET_PRIORITIES.join(', ')}`);
      if (a.type === 'assign')
        await this.accounts
          .get(a.accountId)
          .catch(() => errors.push(`actions[${i}].accountId: account ${a.accountId} does not exist`));
      if (a.type === 'notify')
        for (const id of a.accountIds)
          await this.accounts
            .get(id)
            .catch(() => errors.push(`actions[${i}].accountIds: account ${id} does not exist`));
    }
    if (errors.length) throw new ValidationFailedError('Invalid automation actions', { actions: errors });
  }
}
