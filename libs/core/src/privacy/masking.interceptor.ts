import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import type { Principal } from '../access/principal.js';
import { PiiMasker } from './pii-masker.service.js';
import { UNMASKED } from '../access/unmasked.decorator.js';

/**
 * Global (APP_INTERCEPTOR): every HTTP response to a technician/admin session goes through the
 * masker. Portal visitors and devices see their own conversation as written; routes marked
 * @Unmasked() opt out explicitly. (Nest does not run global interceptors for gateways: socket
 * events and acks to technicians are masked in RealtimeService.)
 */
@Injectable()
export class MaskingInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly masker: PiiMasker,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.getAllAndOverride<boolean>(UNMASKED, [context.getHandler(), context.getClass()]))
      return next.handle();
    const principal = this.principalOf(context);
    if (principal?.kind !== 'account') return next.handle();
    return next.handle().pipe(map((body: unknown) => this.masker.maskPayload(body)));
  }

  private principalOf(context: ExecutionContext): Principal | undefined {
    if (context.getType() === 'http') return context.switchToHttp().getRequest<{ user?: Principal }>().user;
    return undefined;
  }
}
