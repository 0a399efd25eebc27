import type { DeviceView } from '../identity/identity.views.js';
import type { RealtimeService } from './realtime.service.js';
import { SocketDevicePresence } from './socket-device-presence.service.js';

const device = (id: string): DeviceView => ({
  id,
  companyId: 'c',
  name: id,
  os: '',
  helpdeskAgentEnabled: true,
  contactId: null,
  lastSeenAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('SocketDevicePresence', () => {
  it('asks the adapter once for the whole list and marks the devices whose room has a socket', async () => {
    const asked: string[][] = [];
    const realtime = {
      occupiedRooms: async (audience: string, rooms: string[]) => {
        asked.push([audience, ...rooms]);
        return new Set(['device:on']);
      },
    } as unknown as RealtimeService;
    const result = await new SocketDevicePresence(realtime).withOnline([device('on'), device('off')]);
    expect(result.map((d) => [d.id, d.online])).toEqual([
      ['on', true],
      ['off', false],
    ]);
    expect(asked).toEqual([['device', 'device:on', 'device:off']]);
  });

  it('says offline rather than failing the list when the adapter cannot answer', async () => {
    const realtime = {
      occupiedRooms: async () => {
        throw new Error('redis down');
      },
    } as unknown as RealtimeService;
    const result = await new SocketDevicePresence(realtime).withOnline([device('a')]);
    expect(result.map((d) => d.online)).toEqual([false]);
  });
});
