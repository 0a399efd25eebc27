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
  it('marks a device online when its device room has a socket, offline when the adapter fails', async () => {
    const asked: string[] = [];
    const realtime = {
      roomSize: async (audience: string, room: string) => {
        asked.push(`${audience} ${room}`);
        if (room === 'device:broken') throw new Error('redis down');
        return room === 'device:on' ? 2 : 0;
      },
    } as unknown as RealtimeService;
    const result = await new SocketDevicePresence(realtime).withOnline([device('on'), device('off'), device('broken')]);
    expect(result.map((d) => [d.id, d.online])).toEqual([
      ['on', true],
      ['off', false],
      ['broken', false],
    ]);
    expect(asked).toEqual(['device device:on', 'device device:off', 'device device:broken']);
  });
});
