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
    const sizes = await Promise.all(
      // An adapter that cannot answer (Redis down) says "offline" rather than failing the list.
      devices.map((d) => this.realtime.roomSize('device', RealtimeService.deviceRoom(d.id)).catch(() => 0)),
    );
    return devices.map((d, i) => ({ ...d, online: sizes[i] > 0 }));
  }
}
