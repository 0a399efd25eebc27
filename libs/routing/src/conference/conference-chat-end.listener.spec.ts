import { DomainEventBus } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConferenceRepository } from '../repositories/conference.repository';
import { ConferenceChatEndListener } from './conference-chat-end.listener';
import { ConferenceCloser } from './conference-closer.service';

describe('ConferenceChatEndListener', () => {
  function setup(open: unknown) {
    const t = newTestService(ConferenceChatEndListener);
    t.fake(DomainEventBus).subscribe.mockReturnValue(undefined as never);
    t.fake(ConferenceRepository).findOpen.mockResolvedValue(open as never);
    t.fake(ConferenceCloser).cancel.mockResolvedValue(true);
    t.fake(ConferenceCloser).finish.mockResolvedValue(true);
    return t;
  }

  it('listens to conversation.ended', () => {
    const { sut, fake } = setup(null);
    sut.onModuleInit();
    expect(fake(DomainEventBus).subscribe).toHaveBeenCalledWith('conversation.ended', expect.any(Function));
  });

  it('a joined agent owes a wrap-up with the end cause, staying in the ended chat', async () => {
    const customer = setup({ id: 'k1', state: 'joined' });
    await customer.sut.ended('c1', 'customer_ended');
    expect(customer.fake(ConferenceCloser).finish).toHaveBeenCalledWith(
      { id: 'k1', state: 'joined' },
      'customer_ended',
      false,
    );
    const agent = setup({ id: 'k1', state: 'joined' });
    await agent.sut.ended('c1', 'agent_ended');
    expect(agent.fake(ConferenceCloser).finish).toHaveBeenCalledWith(expect.anything(), 'ended', false);
  });

  it('a ringing request is withdrawn; no conference, nothing', async () => {
    const ringing = setup({ id: 'k1', state: 'ringing' });
    await ringing.sut.ended('c1', 'customer_ended');
    expect(ringing.fake(ConferenceCloser).cancel).toHaveBeenCalled();
    const none = setup(null);
    await none.sut.ended('c1', 'customer_ended');
    expect(none.fake(ConferenceCloser).cancel).not.toHaveBeenCalled();
    expect(none.fake(ConferenceCloser).finish).not.toHaveBeenCalled();
  });
});
