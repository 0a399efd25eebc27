import type { DeviceView } from './identity.views.js';

/**
 * Whether a device's helpdesk agent is connected now. A port: the realtime layer (above identity)
 * implements it with the socket.io adapter, so a device connected to another instance counts too.
 */
export abstract class DevicePresence {
  abstract withOnline<T extends DeviceView>(devices: T[]): Promise<(T & { online: boolean })[]>;
}
