import { Logger, UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { AccountPrincipal } from '../access/principal.js';
import { SessionTokenService } from '../auth/session-token.service.js';
import { extractAccountToken } from '../auth/token-extractor.js';
import { AccountService } from '../identity/account.service.js';
import { authenticateNamespace, handshakeToken } from './handshake-auth.js';
import { AvailabilityEventDto, PingDto } from './realtime.dto.js';
import { RealtimeService } from './realtime.service.js';
import { SocketRevocation } from './socket-revocation.service.js';
import { WsErrorFilter } from './ws-error.filter.js';
import { WsPayloadPipe } from './ws-payload.pipe.js';
import { wsOk } from './ws-response.js';

/** Technicians: authenticated by the session JWT (auth.token, bearer header or the web UI's cookie). */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class AgentGateway implements OnGatewayInit {
  private readonly logger = new Logger('AgentGateway');

  constructor(
    private readonly tokens: SessionTokenService,
    private readonly realtime: RealtimeService,
    private readonly accounts: AccountService,
    private readonly revocation: SocketRevocation,
  ) {}

  afterInit(namespace: Namespace): void {
    this.realtime.attach('agent', namespace);
    this.revocation.watch('agent', namespace);
    authenticateNamespace(namespace, this.logger, async (socket) => {
      const token = handshakeToken(socket) ?? extractAccountToken(socket.handshake.headers);
      const session = token ? await this.tokens.verifyAccountSession(token) : null;
      if (!session) return null;
      const rooms = [
        RealtimeService.accountRoom(session.principal.id),
        SocketRevocation.sessionRoom(session.sessionId),
        RealtimeService.agentsRoom,
      ];
      const { principal, expiresAtMs, accountId, sessionId, sessionVersion } = session;
      return { principal, expiresAtMs, rooms, sessionRef: { accountId, sessionId, sessionVersion } };
    });
  }

  @SubscribeMessage('ping')
  ping(@MessageBody() body: PingDto, @ConnectedSocket() socket: Socket) {
    const me = socket.data.principal as AccountPrincipal;
    return wsOk({ pong: body.text ?? null, accountId: me.id });
  }

  @SubscribeMessage('availability.set')
  async setAvailability(@MessageBody() body: AvailabilityEventDto, @ConnectedSocket() socket: Socket) {
    const me = socket.data.principal as AccountPrincipal;
    return wsOk(await this.accounts.setAvailability(me.id, body.available ? 'available' : 'unavailable'));
  }
}
