import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain.error.js';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Every error leaves as `{ statusCode, error, message, details? }`. A GET for an unknown page
 * that wants HTML gets the web UI (client-side routes like /tickets/42 survive a reload).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly webDir?: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const body = this.toBody(exception);
    if (body.statusCode === 404 && this.servesSpa(req)) {
      res.status(200).sendFile(join(this.webDir!, 'index.html'));
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, path: req.url }, 'Unhandled error');
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): { statusCode: number; error: string; message: string; details?: unknown } {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: exception.code,
        message: exception.message,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      return { statusCode: status, error: CODES[status] ?? `HTTP_${status}`, message };
    }
    // body-parser errors (malformed JSON, too large) arrive as plain errors with a status.
    const e = exception as { status?: number; type?: string; message?: string };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      const message =
        e.type === 'entity.parse.failed'
          ? 'Malformed JSON body'
          : e.type === 'entity.too.large'
            ? 'Request body too large'
            : (e.message ?? 'Bad request');
      return { statusCode: e.status, error: CODES[e.status] ?? `HTTP_${e.status}`, message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'INTERNAL', message: 'Internal server error' };
  }

  private servesSpa(req: Request): boolean {
    if (!this.webDir || req.method !== 'GET') return false;
    if (/^\/(api|health|socket\.io|hooks)(\/|$)/.test(req.path)) return false;
    if (!(req.headers.accept ?? '').includes('text/html')) return false;
    return existsSync(join(this.webDir, 'index.html'));
  }
}
