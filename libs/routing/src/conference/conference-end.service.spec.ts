import type { AccountPrincipal } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConferenceRepository } from '../repositories/conference.repository';
import { ConferenceChatGuard } from './conference-chat.guard';
import { ConferenceCloser } from './conference-closer.service';
import { ConferenceEndService } from './conference-end.service';

const ada = { id: 'a1', name: 'Ada' } as AccountPrincipal;
const bob = { id: 'b1', name: 'Bob' } as AccountPrincipal;
const cy = { id: 'c9', name: 'Cy' } as AccountPrincipal;
const contact = { id: 'c1', state: 'accepted', offeredTo: 'a1' };
const conf = (state: string) => ({
  id: 'k1',
  conversationId: 'c1',
  state,
  agentId: 'b1',
  agentName: 'Bob',
  requestedById: 'a1',
  requestedByName: 'Ada',
});

describe('ConferenceEndService', () => {
  function setup(open: unknown, latest: unknown = null) {
    const t = newTestService(ConferenceEndService);
    t.fake(ConferenceChatGuard).contact.mockResolvedValue(contact as never);
    t.fake(ConferenceRepository).findOpen.mockResolvedValue(open as never);
    t.fake(ConferenceRepository).latest.mockResolvedValue(latest as never);
    t.fake(ConferenceCloser).cancel.mockResolvedValue(true);
    t.fake(ConferenceCloser).finish.mockResolvedValue(true);
    return t;
  }

  it('the agent who has the chat cancels a ringing request', async () => {
    const { sut, fake } = setup(conf('ringing'));
    expect(await sut.end('c1', ada)).toMatchObject({ state: 'cancelled' });
    expect(fake(ConferenceCloser).cancel).toHaveBeenCalled();
  });

  it('either agent ends a joined conference: the joined one leaves with a conference_ended wrap-up', async () => {
    for (const me of [ada, bob]) {
      const { sut, fake } = setup(conf('joined'));
      expect(await sut.end('c1', me)).toMatchObject({ state: 'ended' });
      expect(fake(ConferenceCloser).finish).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'k1' }),
        'conference_ended',
        true,
      );
    }
  });

  it('403 for a stranger, 409 for the asked agent while it rings and when nothing is open', async () => {
    await expect(setup(conf('joined')).sut.end('c1', cy)).rejects.toMatchObject({ status: 403 });
    await expect(setup(null).sut.end('c1', cy)).rejects.toMatchObject({ status: 403 });
    await expect(setup(conf('ringing')).sut.end('c1', bob)).rejects.toMatchObject({ status: 409 });
    await expect(setup(null).sut.end('c1', ada)).rejects.toMatchObject({ status: 409 });
    await expect(setup(null, conf('ended')).sut.end('c1', bob)).rejects.toMatchObject({ status: 409 });
    const raced = setup(conf('joined'));
    raced.fake(ConferenceCloser).finish.mockResolvedValue(false);
    await expect(raced.sut.end('c1', ada)).rejects.toMatchObject({ status: 409 });
  });
});
