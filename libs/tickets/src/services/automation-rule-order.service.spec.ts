import { Clock, FakeClock, TransactionRunner, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { AutomationRuleEntity } from '../entities/automation-rule.entity.js';
import { AutomationRuleRepository } from '../repositories/automation-rule.repository.js';
import { AutomationRuleOrderService } from './automation-rule-order.service.js';

const TX = { tx: 1 } as never;
const rule = (id: string, position: number) =>
  Object.assign(new AutomationRuleEntity(), {
    id,
    name: id,
    enabled: true,
    trigger: 'ticket.created',
    conditions: {},
    actions: [],
    position,
    systemKey: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  });

describe('AutomationRuleOrderService', () => {
  function build(rules: AutomationRuleEntity[]) {
    const t = newTestService(AutomationRuleOrderService, {
      types: [[Clock, new FakeClock(new Date('2026-12-03T09:00:00Z'))]],
    });
    t.fake(TransactionRunner).run.mockImplementation((work) => work(TX));
    t.fake(AutomationRuleRepository).allForUpdate.mockResolvedValue(rules);
    t.fake(AutomationRuleRepository).setPosition.mockResolvedValue(undefined);
    return t;
  }

  it('rewrites positions in steps of 10 in the given order, skipping rules already in place', async () => {
    const { sut, fake } = build([rule('a', 10), rule('b', 20), rule('c', 30)]);
    const views = await sut.reorder(['c', 'b', 'a']);
    expect(views.map((v) => [v.id, v.position])).toEqual([
      ['c', 10],
      ['b', 20],
      ['a', 30],
    ]);
    expect(fake(AutomationRuleRepository).allForUpdate).toHaveBeenCalledWith(TX);
    expect(fake(AutomationRuleRepository).setPosition.mock.calls.map((c) => [c[0], c[1]])).toEqual([
      ['c', 10],
      ['a', 30],
    ]);
  });

  it('refuses a list that leaves out, repeats or invents a rule, naming them, and writes nothing', async () => {
    const { sut, fake } = build([rule('a', 10), rule('b', 20)]);
    const error = await sut.reorder(['a', 'a', 'z']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as Error).message).toMatch(/twice.*do not exist: z.*leaves out rules.*b/);
    expect(fake(AutomationRuleRepository).setPosition).not.toHaveBeenCalled();
  });
});
