import { Clock } from '@switchboard/core';
import { ContactReleaseRegistry } from '@switchboard/routing';
import { newTestService } from '@switchboard/testing';
import { CaseRepository } from '../repositories/case.repository';
import { CaseNotifier } from './case-notifier.service';
import { CaseViewBuilder } from './case-views.service';
import { CaseContactRelease } from './case-contact-release.service';

const now = new Date('2026-01-01T10:00:00.000Z');

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

  it('registers itself, and puts the releasing agent’s case back to Unassigned (chat untouched)', async () => {
    const { sut, fake } = setup({ id: 'c1', status: 'assigned', assigneeId: 'a1' });
    fake(ContactReleaseRegistry).register.mockReturnValue();
    sut.onModuleInit();
    expect(fake(ContactReleaseRegistry).register).toHaveBeenCalled();
    await sut.release('c1', 'a1');
    expect(fake(CaseRepository).transition).toHaveBeenCalledWith('c1', 'assigned', {
      status: 'unassigned',
      assigneeId: null,
      assigneeName: null,
      assignedAt: null,
      updatedAt: now,
    });
    expect(fake(CaseNotifier).updated).toHaveBeenCalledWith({ id: 'c1' }, ['status', 'assignee']);
  });

  it('leaves a case assigned to someone else (or not assigned) alone', async () => {
    const other = setup({ id: 'c1', status: 'assigned', assigneeId: 'a2' });
    await other.sut.release('c1', 'a1');
    expect(other.fake(CaseRepository).transition).not.toHaveBeenCalled();
    const open = setup({ id: 'c1', status: 'unassigned', assigneeId: null });
    await open.sut.release('c1', 'a1');
    expect(open.fake(CaseRepository).transition).not.toHaveBeenCalled();
  });
});
