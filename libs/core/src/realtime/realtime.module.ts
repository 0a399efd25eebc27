import { Global, Module } from '@nestjs/common';
import { AgentGateway } from './agent.gateway.js';
import { DevicePresence } from '../identity/device-presence.port.js';
import { DeviceGateway } from './device.gateway.js';
import { PortalGateway } from './portal.gateway.js';
import { RealtimeBridge } from './realtime-bridge.service.js';
import { RealtimeService } from './realtime.service.js';
import { SocketDevicePresence } from './socket-device-presence.service.js';
import { SocketRevocation } from './socket-revocation.service.js';

@Global()
@Module({
  providers: [
    RealtimeService,
    SocketRevocation,
    AgentGateway,
    DeviceGateway,
    PortalGateway,
    RealtimeBridge,
    // identity's port (the devices list's online state), implemented with the socket rooms.
    { provide: DevicePresence, useClass: SocketDevicePresence },
  ],
  exports: [RealtimeService, DevicePresence],
})
export class RealtimeModule {}
