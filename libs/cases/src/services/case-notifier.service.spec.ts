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

  it('a queue-routed chat: one packet to the lists, no chime, no browser or in-app notification', async () => {
    const { sut, fake } = setUp();
    await sut.created(view, { routed: true });
    expect(fake(RealtimeService).toAccounts).toHaveBeenCalledWith(['t1', 't2'], 'case.created', {
      case: view,
      chime: false,
      browser: false,
    });
    expect(fake(RealtimeService).toAccount).not.toHaveBeenCalled();
    expect(fake(NotificationService).notify).not.toHaveBeenCalled();
    expect(fake(NotificationPreferencesService).getMany).not.toHaveBeenCalled();
  });
});
