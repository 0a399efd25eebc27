import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../realtime/realtime.service.js';
import type { DeviceView } from './identity.views.js';

/**
 * Whether a device's helpdesk agent is connected now. Asked of the socket.io adapter (Redis when
 * configured), so a device connected to another API instance counts too; nothing is kept in memory.
 */
@Injectable()
export class DevicePresence {
  constructor(private readonly realtime: RealtimeService) {}

  async withOnline<T extends DeviceView>(devices: T[]): Promise<(T & { online: boolean })[]> {
    const sizes = await Promise.all(
      devices.map((d) => this.realtime.roomSize('device', RealtimeService.deviceRoom(d.id)).catch(() => 0)),
    );
    return devices.map((d, i) => ({ ...d, online: sizes[i] > 0 }));
  }
}
