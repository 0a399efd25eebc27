import { Clock, type Tx } from '@switchboard/core';
import { ContactReleaseRegistry } from '@switchboard/routing';
import { newTestService } from '@switchboard/testing';
import { CaseRepository } from '../repositories/case.repository';
import { CaseNotifier } from './case-notifier.service';
import { CaseViewBuilder } from './case-views.service';
import { CaseContactRelease } from './case-contact-release.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const tx = { manager: {} } as unknown as Tx;

describe('CaseContactRelease', () => {
  function setup(c: unknown) {
    const t = newTestService(CaseContactRelease);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(CaseRepository).findById.mockResolvedValue(c as never);
    t.fake(CaseRepository).transition.mockResolvedValue(true);
    t.fake(CaseViewBuilder).one.mockResolvedValue({ id: 'c1' } as never);
    t.fake(CaseNotifier).updated.mockResolvedValue();
    return t;
  }

  it('registers itself, and puts the releasing agent’s case back to Unassigned in the transfer’s transaction', async () => {
    const { sut, fake } = setup({ id: 'c1', status: 'assigned', assigneeId: 'a1' });
    let handler: ((id: string, agent: never, tx: Tx) => Promise<unknown>) | undefined;
    fake(ContactReleaseRegistry).register.mockImplementation((h) => void (handler = h as never));
    sut.onModuleInit();
    const notice = (await handler!('c1', { id: 'a1' } as never, tx)) as () => Promise<void>;
    expect(fake(CaseRepository).findById).toHaveBeenCalledWith('c1', tx);
    expect(fake(CaseRepository).transition).toHaveBeenCalledWith(
      'c1',
      'assigned',
      { status: 'unassigned', assigneeId: null, assigneeName: null, assignedAt: null, updatedAt: now },
      tx,
    );
    // case.updated only when the caller runs the notice (after its commit), read outside the transaction.
    expect(fake(CaseNotifier).updated).not.toHaveBeenCalled();
    await notice();
    expect(fake(CaseRepository).findById).toHaveBeenLastCalledWith('c1');
    expect(fake(CaseNotifier).updated).toHaveBeenCalledWith({ id: 'c1' }, ['status', 'assignee']);
  });

  it('a case changed meanwhile (the conditional UPDATE lost) announces nothing', async () => {
    const { sut, fake } = setup({ id: 'c1', status: 'assigned', assigneeId: 'a1' });
    fake(CaseRepository).transition.mockResolvedValue(false);
    expect(await sut.release('c1', 'a1', tx)).toBeUndefined();
    expect(fake(CaseNotifier).updated).not.toHaveBeenCalled();
  });

  it('leaves a case assigned to someone else (or not assigned) alone', async () => {
    const other = setup({ id: 'c1', status: 'assigned', assigneeId: 'a2' });
    expect(await other.sut.release('c1', 'a1', tx)).toBeUndefined();
    expect(other.fake(CaseRepository).transition).not.toHaveBeenCalled();
    const open = setup({ id: 'c1', status: 'unassigned', assigneeId: null });
    expect(await open.sut.release('c1', 'a1', tx)).toBeUndefined();
    expect(open.fake(CaseRepository).transition).not.toHaveBeenCalled();
  });
});
