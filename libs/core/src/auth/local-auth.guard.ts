import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { validateDto } from '../validation/validate-dto.js';
import { LoginDto } from './login.dto.js';

/** Validates the body first, so a malformed login gets a 400 naming the field, not a bare 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ body: unknown }>();
    req.body = await validateDto(LoginDto, req.body);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
