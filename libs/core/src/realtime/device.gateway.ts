import { Logger, UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { DevicePrincipal } from '../access/principal.js';
import { DeviceService } from '../identity/device.service.js';
import { authenticateNamespace, handshakeToken } from './handshake-auth.js';
import { PingDto } from './realtime.dto.js';
import { RealtimeService } from './realtime.service.js';
import { SocketRevocation } from './socket-revocation.service.js';
import { WsErrorFilter } from './ws-error.filter.js';
import { WsPayloadPipe } from './ws-payload.pipe.js';
import { wsOk } from './ws-response.js';

/** Helpdesk agents on end users' devices, authenticated by their device token. */
@WebSocketGateway({ namespace: '/device' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class DeviceGateway implements OnGatewayInit {
  private readonly logger = new Logger('DeviceGateway');

  constructor(
    private readonly devices: DeviceService,
    private readonly realtime: RealtimeService,
    private readonly revocation: SocketRevocation,
  ) {}

  afterInit(namespace: Namespace): void {
    this.realtime.attach('device', namespace);
    this.revocation.watch('device', namespace);
    authenticateNamespace(namespace, this.logger, async (socket) => {
      const token = handshakeToken(socket);
      const principal = token ? await this.devices.authenticate(token) : null;
      if (!principal) return null;
      // Device tokens do not expire; rotation or removal drops the `device:<id>` room.
      const rooms = [
        SocketRevocation.deviceRoom(principal.deviceId),
        SocketRevocation.companyDevicesRoom(principal.companyId),
      ];
      return { principal, expiresAtMs: null, rooms };
    });
  }

  @SubscribeMessage('ping')
  ping(@MessageBody() body: PingDto, @ConnectedSocket() socket: Socket) {
    const me = socket.data.principal as DevicePrincipal;
    return wsOk({ pong: body.text ?? null, deviceId: me.deviceId });
  }
}
