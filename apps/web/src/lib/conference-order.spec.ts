import { ConferenceOrder } from './conference-order';

describe('ConferenceOrder', () => {
  it('shows each move forward once and ignores an older move arriving late', () => {
    const order = new ConferenceOrder();
    expect(order.accept({ conferenceId: 'k1', state: 'ringing' })).toBe(true);
    // End on one instance, the racing accept's "joined" from the other arrives after it.
    expect(order.accept({ conferenceId: 'k1', state: 'ended' })).toBe(true);
    expect(order.accept({ conferenceId: 'k1', state: 'joined' })).toBe(false);
    expect(order.accept({ conferenceId: 'k1', state: 'ringing' })).toBe(false);
    expect(order.accept({ conferenceId: 'k1', state: 'ended' })).toBe(false);
  });

  it('a new conference of the same chat starts over', () => {
    const order = new ConferenceOrder();
    expect(order.accept({ conferenceId: 'k1', state: 'joined' })).toBe(true);
    expect(order.accept({ conferenceId: 'k1', state: 'cancelled' })).toBe(true);
    expect(order.accept({ conferenceId: 'k2', state: 'ringing' })).toBe(true);
    expect(order.accept({ conferenceId: 'k2', state: 'joined' })).toBe(true);
  });
});
