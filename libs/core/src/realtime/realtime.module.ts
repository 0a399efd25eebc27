import { Global, Module } from '@nestjs/common';
import { AgentGateway } from './agent.gateway.js';
import { DeviceGateway } from './device.gateway.js';
import { PortalGateway } from './portal.gateway.js';
import { RealtimeBridge } from './realtime-bridge.service.js';
import { RealtimeService } from './realtime.service.js';
import { SocketRevocation } from './socket-revocation.service.js';

@Global()
@Module({
  providers: [RealtimeService, SocketRevocation, AgentGateway, DeviceGateway, PortalGateway, RealtimeBridge],
  exports: [RealtimeService],
})
export class RealtimeModule {}
