import { Injectable } from '@nestjs/common';
import { DevicePresence } from '../identity/device-presence.port.js';
import type { DeviceView } from '../identity/identity.views.js';
import { RealtimeService } from './realtime.service.js';

/**
 * Device presence from the `device:<id>` rooms, asked of the socket.io adapter (Redis when
 * configured): a device connected to another API instance counts too; nothing is kept in memory.
 */
@Injectable()
export class SocketDevicePresence extends DevicePresence {
  constructor(private readonly realtime: RealtimeService) {
    super();
  }

  async withOnline<T extends DeviceView>(devices: T[]): Promise<(T & { online: boolean })[]> {
    const rooms = devices.map((d) => RealtimeService.deviceRoom(d.id));
    // One adapter request for the whole page; an adapter that cannot answer (Redis down) says
    // "offline" rather than failing the list.
    const occupied = await this.realtime.occupiedRooms('device', rooms).catch(() => new Set<string>());
    return devices.map((d, i) => ({ ...d, online: occupied.has(rooms[i]) }));
  }
}
