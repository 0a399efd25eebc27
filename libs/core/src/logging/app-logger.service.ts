import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's start-up chatter (one line per module, controller, route and gateway: ~200 lines) is
 * debug, not info: at info a start reads as a few lines (LOG_LEVEL=debug brings them back).
 */
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

/**
 * Nest's LoggerService on pino: JSON lines, `context` from the Nest Logger's name, an object first
 * argument merged into the line (`logger.error({ err }, 'text')`), an Error as `err`.
 * Deliberately without AsyncLocalStorage request binding (what nestjs-pino adds): on Node 20 an
 * active AsyncLocalStorage installs promise hooks process-wide, which cost a fifth of the server's
 * CPU per chat message (bench/portal). Request lines carry the request id (RequestLoggingMiddleware);
 * service lines carry their context and whatever ids they log.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.call('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.call('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.call('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.call('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.call('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.call('fatal', message, params);
  }

  private call(level: Level, message: unknown, params: unknown[]): void {
    // A Nest Logger with a name passes it last.
    const context = params.length ? params[params.length - 1] : undefined;
    if (level === 'info' && typeof context === 'string' && NEST_STARTUP_CONTEXTS.has(context)) level = 'debug';
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    if (params.length) fields.context = context;
    const rest = params.slice(0, -1);
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, ...(rest as []));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level](Object.assign(fields, message), ...(rest as []));
    } else if (
      level === 'error' &&
      typeof message === 'string' &&
      rest.length === 1 &&
      typeof rest[0] === 'string' &&
      /\n\s*at /.test(rest[0])
    ) {
      // Nest's exception handlers call error(message, stack, context).
      const err = new Error(message);
      err.stack = rest[0];
      fields.err = err;
      this.pino[level](fields);
    } else {
      this.pino[level](fields, String(message), ...(rest as []));
    }
  }
}
