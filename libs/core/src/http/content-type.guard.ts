import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

/** Where `@ApiConsumes()` (@nestjs/swagger) keeps its media types: the route's documentation is its contract. */
const API_CONSUMES = 'swagger/apiConsumes';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Channel webhooks take whatever their provider posts (raw RFC 822, form posts); the channel verifies them. */
const RAW_BODY_PATH = /^\/hooks\//i;

/**
 * A body must be JSON, or what the route declares with `@ApiConsumes` (multipart on upload routes).
 * HTML forms can only post urlencoded, multipart or text/plain without a CORS preflight, so
 * refusing those closes the cross-site form route (#13.5) and keeps one parser per route.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!BODY_METHODS.has(req.method) || RAW_BODY_PATH.test(req.path) || !hasBody(req)) return true;
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const accepted = declared?.length ? declared : ['application/json'];
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (
      accepted.some((a) => a === type || (a === 'application/json' && /^application\/[a-z0-9.+-]+\+json$/.test(type)))
    )
      return true;
    throw new HttpException(
      `Unsupported Content-Type ${type ? `"${type}"` : '(none)'}: send ${accepted.join(' or ')}`,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
