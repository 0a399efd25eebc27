import { RealtimeService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { ConferenceEntity } from '../entities/conference.entity';
import type { RoutingContactEntity } from '../entities/routing-contact.entity';
import { OfferAnnouncer } from '../offers/offer-announcer.service';
import { ConferenceAnnouncer } from './conference-announcer.service';

const expiresAt = new Date('2026-01-01T10:00:20.000Z');
const conf = {
  id: 'k1',
  conversationId: 'c1',
  state: 'ringing',
  agentId: 'b1',
  agentName: 'Bob',
  requestedById: 'a1',
  requestedByName: 'Ada',
  expiresAt,
} as ConferenceEntity;

describe('ConferenceAnnouncer', () => {
  function setup() {
    const t = newTestService(ConferenceAnnouncer);
    t.fake(RealtimeService).toAccounts.mockReturnValue(undefined);
    t.fake(OfferAnnouncer).offered.mockResolvedValue();
    t.fake(OfferAnnouncer).closed.mockResolvedValue();
    return t;
  }

  it('the asked agent gets the offer pop-up with who asks', async () => {
    const { sut, fake } = setup();
    const contact = { id: 'c1' } as RoutingContactEntity;
    await sut.offered(contact, 'Desk', conf);
    expect(fake(OfferAnnouncer).offered).toHaveBeenCalledWith(contact, 'Desk', 'b1', expiresAt, {
      requestedById: 'a1',
      requestedByName: 'Ada',
    });
    await sut.closed(conf, 'withdrawn');
    expect(fake(OfferAnnouncer).closed).toHaveBeenCalledWith('b1', 'c1', 'withdrawn');
  });

  it('both agents hear every move', () => {
    const { sut, fake } = setup();
    sut.changed({ ...conf, state: 'joined' });
    expect(fake(RealtimeService).toAccounts).toHaveBeenCalledWith(['a1', 'b1'], 'conference.changed', {
      conversationId: 'c1',
      conferenceId: 'k1',
      state: 'joined',
      agentId: 'b1',
      agentName: 'Bob',
      requestedById: 'a1',
      requestedByName: 'Ada',
    });
  });
});
