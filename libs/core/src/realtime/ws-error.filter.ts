import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ServerEventMap } from '@switchboard/contracts';
import type { Socket } from 'socket.io';
import { DomainError } from '../errors/domain.error.js';
import type { WsAck } from './ws-response.js';

/**
 * Turns any failure of a socket handler into an error ack (or an `exception` event when the
 * client sent no ack callback). The connection always stays up.
 */
@Catch()
export class WsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Realtime');

  catch(exception: unknown, host: ArgumentsHost): void {
    const [client, , ack] = host.getArgs<[Socket, unknown, unknown]>();
    const body = this.toAck(exception);
    if (typeof ack === 'function') (ack as (r: WsAck) => void)(body);
    else client.emit('exception', body as ServerEventMap['exception']);
  }

  private toAck(exception: unknown): WsAck {
    if (exception instanceof DomainError) {
      return {
        ok: false,
        error: {
          statusCode: exception.status,
          error: exception.code,
          message: exception.message,
          details: exception.details,
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { ok: false, error: { statusCode: status, error: `HTTP_${status}`, message: exception.message } };
    }
    this.logger.error({ err: exception }, 'Unhandled error in a socket handler');
    return { ok: false, error: { statusCode: 500, error: 'INTERNAL', message: 'Internal error' } };
  }
}
