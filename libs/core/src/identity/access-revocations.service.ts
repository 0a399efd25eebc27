import { Injectable, Logger } from '@nestjs/common';

/** Why open sockets of a principal are dropped (sent to the client in `session.revoked`). */
export type SessionEndReason =
  | 'logout'
  | 'password'
  | 'deactivated'
  | 'deleted'
  | 'expired'
  | 'token-rotated'
  | 'removed'
  /** A device moved to another company (its agent reconnects with the new one). */
  | 'moved'
  /** Found by the periodic re-check (the change's broadcast was missed, e.g. during a Redis outage). */
  | 'revoked';

/**
 * A change to who a principal is or what it may reach:
 * - `account-changed`: role, companies or permissions; the session stays, its sockets must re-handshake.
 * - `account-ended` / `session-ended`: every session of the account, or one session, is over.
 * - `device-ended`: the device token no longer authenticates; `company-devices-ended`: no device
 *   of the company does (the company was deleted, its devices with it).
 */
export type AccessRevocation =
  | { kind: 'account-changed'; accountId: string }
  | { kind: 'account-ended'; accountId: string; reason: SessionEndReason }
  | { kind: 'session-ended'; accountId: string; sessionId: string; reason: SessionEndReason }
  | { kind: 'device-ended'; deviceId: string; reason: SessionEndReason }
  | { kind: 'company-devices-ended'; companyId: string; reason: SessionEndReason };

type Listener = (revocation: AccessRevocation) => void | Promise<void>;

/**
 * Where identity and auth announce revocations, after the change is committed; the realtime layer
 * listens and drops the affected sockets on every instance (through the socket.io Redis adapter).
 * In-process wiring only: the durable truth (session version, revoked sessions) is in the database.
 */
@Injectable()
export class AccessRevocations {
  private readonly logger = new Logger('AccessRevocations');
  private readonly listeners = new Set<Listener>();

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async revoke(revocation: AccessRevocation): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(revocation);
      } catch (error) {
        // The change is committed either way; a failing listener must not fail the request.
        this.logger.error({ err: error, revocation }, 'revocation listener failed');
      }
    }
  }
}
