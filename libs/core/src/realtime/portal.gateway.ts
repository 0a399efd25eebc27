import { Logger, UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { PortalPrincipal } from '../access/principal.js';
import { SessionTokenService } from '../auth/session-token.service.js';
import { cookieRequestAllowed } from '../auth/origin-policy.js';
import { cookieValue, PORTAL_SESSION_COOKIE } from '../auth/token-extractor.js';
import { AppConfig } from '../config/app-config.js';
import { authenticateNamespace, handshakeToken } from './handshake-auth.js';
import { PingDto } from './realtime.dto.js';
import { RealtimeService } from './realtime.service.js';
import { SocketRevocation } from './socket-revocation.service.js';
import { WsErrorFilter } from './ws-error.filter.js';
import { WsPayloadPipe } from './ws-payload.pipe.js';
import { wsOk } from './ws-response.js';

/** Customer portal visitors, authenticated by their signed portal session token. */
@WebSocketGateway({ namespace: '/portal' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class PortalGateway implements OnGatewayInit {
  private readonly logger = new Logger('PortalGateway');

  constructor(
    private readonly tokens: SessionTokenService,
    private readonly realtime: RealtimeService,
    private readonly revocation: SocketRevocation,
    private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.realtime.attach('portal', namespace);
    this.revocation.watch('portal', namespace);
    authenticateNamespace(namespace, this.logger, (socket) => {
      // A chat's token (auth), else the portal contact session's cookie, only from this site's pages (#13.5).
      const cookie = cookieRequestAllowed(socket.handshake.headers, this.config)
        ? cookieValue(socket.handshake.headers, PORTAL_SESSION_COOKIE)
        : null;
      const token = handshakeToken(socket) ?? cookie;
      const session = token ? this.tokens.verifyPortalSession(token) : null;
      if (!session) return null;
      const { principal, expiresAtMs } = session;
      return {
        principal,
        expiresAtMs,
        rooms: [`portal-session:${principal.sessionId}`, `portal:${principal.portalId}`],
      };
    });
  }

  @SubscribeMessage('ping')
  ping(@MessageBody() body: PingDto, @ConnectedSocket() socket: Socket) {
    const me = socket.data.principal as PortalPrincipal;
    return wsOk({ pong: body.text ?? null, sessionId: me.sessionId });
  }
}
