import { newTestService } from '@switchboard/testing';
import { AutomationRuleEntity } from '../entities/automation-rule.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { AutomationRuleRepository } from '../repositories/automation-rule.repository.js';
import { AutomationService } from './automation.service.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';

const rule = (id: string, trigger: AutomationRuleEntity['trigger']) =>
  Object.assign(new AutomationRuleEntity(), { id, name: id, trigger, enabled: true, conditions: {}, actions: [] });

describe('AutomationService', () => {
  it('reads the enabled rules once per transaction and runs only those of the trigger', async () => {
    const { sut, fake } = newTestService(AutomationService);
    fake(AutomationRuleRepository).enabled.mockResolvedValue([
      rule('on-create', 'ticket.created'),
      rule('on-reply', 'comment.contact'),
    ]);
    const ran: string[] = [];
    fake(TicketActivityService).record.mockImplementation((_cs, actor) => void ran.push(actor.id ?? ''));
    const cs = new TicketChangeSet(Object.assign(new TicketEntity(), { id: 't1', number: 7, status: 'open' }));
    const tx = {} as never;
    await sut.run('ticket.created', cs, tx);
    await sut.run('comment.contact', cs, tx);
    expect(ran).toEqual(['on-create', 'on-reply']);
    expect(fake(AutomationRuleRepository).enabled).toHaveBeenCalledTimes(1);
    expect(fake(AutomationRuleRepository).enabled).toHaveBeenCalledWith(tx);

    // Another transaction reads again: a rule changed meanwhile (on any instance) applies there.
    fake(AutomationRuleRepository).enabled.mockResolvedValue([]);
    await sut.run('ticket.created', cs, {} as never);
    expect(fake(AutomationRuleRepository).enabled).toHaveBeenCalledTimes(2);
    expect(ran).toEqual(['on-create', 'on-reply']);
  });

  it('a failed read is not remembered', async () => {
    const { sut, fake } = newTestService(AutomationService);
    fake(AutomationRuleRepository).enabled.mockRejectedValueOnce(new Error('db down')).mockResolvedValue([]);
    const cs = new TicketChangeSet(Object.assign(new TicketEntity(), { id: 't1', number: 7 }));
    const tx = {} as never;
    await expect(sut.run('ticket.created', cs, tx)).rejects.toThrow('db down');
    await expect(sut.run('ticket.created', cs, tx)).resolves.toBeUndefined();
    expect(fake(AutomationRuleRepository).enabled).toHaveBeenCalledTimes(2);
  });
});
