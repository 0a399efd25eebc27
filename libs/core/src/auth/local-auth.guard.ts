import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { UnauthorizedError } from '../errors/unauthorized.error.js';
import { validateDto } from '../validation/validate-dto.js';
import { LoginDto } from './login.dto.js';
import { LoginLockoutService } from './login-lockout.service.js';

/**
 * Validates the body first, so a malformed login gets a 400 naming the field, not a bare 401;
 * then the lockout (429 + Retry-After) before the password is even checked.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(private readonly lockout: LoginLockoutService) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const body = await validateDto(LoginDto, req.body);
    req.body = body;
    // req.ip honours SWITCHBOARD_TRUST_PROXY only: a client cannot pick its own address.
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = await this.lockout.retryAfterSeconds(body.email, address);
    if (wait > 0) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
      throw new HttpException(
        `Too many failed sign-ins for this account: try again in ${wait} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    try {
      const ok = (await super.canActivate(context)) as boolean;
      if (ok) await this.lockout.succeeded(body.email, address);
      return ok;
    } catch (error) {
      if (error instanceof UnauthorizedError) await this.lockout.failed(body.email, address);
      throw error;
    }
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
