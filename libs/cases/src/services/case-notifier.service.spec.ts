import { RealtimeService, TechnicianDirectory } from '@switchboard/core';
import { NotificationPreferencesService } from '@switchboard/chat';
import { NotificationService } from '@switchboard/notify';
import { newTestService } from '@switchboard/testing';
import { CaseNotifier } from './case-notifier.service.js';
import { CaseSeenService } from './case-seen.service.js';

const view = { id: 'case-1', companyId: 'co', type: 'live_chat', shortId: 'abc', portal: { name: 'Help' } } as never;
const prefs = (sound: boolean) => ({ sound, browser: true, inApp: true, email: false });

describe('CaseNotifier.created', () => {
  const setUp = () => {
    const { sut, fake } = newTestService(CaseNotifier);
    fake(TechnicianDirectory).list.mockResolvedValue([{ id: 't1' }, { id: 't2' }] as never);
    fake(TechnicianDirectory).ids.mockResolvedValue(['t1', 't2']);
    fake(NotificationPreferencesService).getMany.mockResolvedValue(
      new Map([
        ['t1', prefs(true)],
        ['t2', prefs(false)],
      ]) as never,
    );
    fake(CaseSeenService).unseenFor.mockResolvedValue(new Map([['t1', 3]]) as never);
    fake(NotificationService).notify.mockResolvedValue(undefined as never);
    fake(RealtimeService).toAccount.mockReturnValue(undefined);
    fake(RealtimeService).toAccounts.mockReturnValue(undefined);
    fake(RealtimeService).emit.mockReturnValue(undefined);
    return { sut, fake };
  };

  it('alerts each available technician with their chime, unseen count and an in-app notification', async () => {
    const { sut, fake } = setUp();
    await sut.created(view);
    expect(fake(TechnicianDirectory).list).toHaveBeenCalledWith({ companyId: 'co', available: true });
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledWith('t1', 'case.created', {
      case: view,
      chime: true,
      unseen: 3,
      browser: true,
    });
    expect(fake(RealtimeService).toAccount).toHaveBeenCalledWith(
      't2',
      'case.created',
      expect.objectContaining({ chime: false, unseen: 1 }),
    );
    expect(fake(NotificationService).notify).toHaveBeenCalledWith(
      ['t1', 't2'],
      expect.objectContaining({ link: '/cases/case-1' }),
    );
  });

  it('a queue-routed chat: one packet to the open Cases pages, no chime, no browser or in-app notification', async () => {
    const { sut, fake } = setUp();
    await sut.created(view, { routed: true });
    expect(fake(TechnicianDirectory).ids).toHaveBeenCalledWith({ companyId: 'co', available: true });
    expect(fake(RealtimeService).emit).toHaveBeenCalledWith(
      'agent',
      ['case-feed:account:t1', 'case-feed:account:t2'],
      'case.created',
      {
        case: view,
        chime: false,
        browser: false,
      },
    );
    expect(fake(RealtimeService).toAccounts).not.toHaveBeenCalled();
    expect(fake(RealtimeService).toAccount).not.toHaveBeenCalled();
    expect(fake(NotificationService).notify).not.toHaveBeenCalled();
    expect(fake(NotificationPreferencesService).getMany).not.toHaveBeenCalled();
  });
});

describe('CaseNotifier.updated / deleted', () => {
  it('goes to the feed rooms of the case company (joined by watching sockets that serve it), no directory read', async () => {
    const { sut, fake } = newTestService(CaseNotifier);
    fake(RealtimeService).emit.mockReturnValue(undefined);
    await sut.updated(view, ['status']);
    expect(fake(RealtimeService).emit).toHaveBeenCalledWith(
      'agent',
      ['case-feed:all', 'case-feed:company:co'],
      'case.updated',
      {
        case: view,
        changes: ['status'],
      },
    );
    await sut.deleted('case-1', 'co');
    expect(fake(RealtimeService).emit).toHaveBeenLastCalledWith(
      'agent',
      ['case-feed:all', 'case-feed:company:co'],
      'case.deleted',
      {
        caseId: 'case-1',
      },
    );
    expect(fake(TechnicianDirectory).list).not.toHaveBeenCalled();
  });
});
