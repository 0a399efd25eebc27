import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { AppLogger } from './app-logger.service.js';
import { REQUEST_LOG_OPTIONS, type RequestLogOptions } from './logging.options.js';

/** One JSON line per HTTP request (pino-http), with the request id echoed in X-Request-Id. */
@Injectable()
export class RequestLoggingMiddleware implements NestMiddleware {
  private readonly http: HttpLogger;

  constructor(logger: AppLogger, @Inject(REQUEST_LOG_OPTIONS) options: RequestLogOptions) {
    this.http = pinoHttp({ ...options, logger: logger.pino });
  }

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    this.http(req, res, next);
  }
}
