import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { UnauthorizedError } from '../errors/unauthorized.error.js';
import { DeviceService } from '../identity/device.service.js';
import { extractPrefixedToken } from './token-extractor.js';

/** For helpdesk-agent routes (mark them @Public() too): `Authorization: Device <token>`. */
@Injectable()
export class DeviceTokenGuard implements CanActivate {
  constructor(private readonly devices: DeviceService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string>; user?: unknown }>();
    const token = extractPrefixedToken(req.headers, 'Device');
    const principal = token ? await this.devices.authenticate(token) : null;
    if (!principal) throw new UnauthorizedError('A valid device token is required');
    req.user = principal;
    return true;
  }
}
