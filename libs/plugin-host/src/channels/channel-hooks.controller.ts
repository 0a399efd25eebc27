import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, DomainError } from '@switchboard/core';
import { ChannelHooksService } from './channel-hooks.service.js';

/** Largest hook body: a 20 MB message grows by a third in base64 and some JSON around it. */
export const MAX_HOOK_BODY_BYTES = 30 * 1024 * 1024;

/** Reads the raw request body (signatures are computed over raw bytes). */
async function rawBody(req: Request & { rawBody?: Buffer }): Promise<Buffer> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if ((req as { _body?: boolean })._body)
    return Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? {}));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_HOOK_BODY_BYTES)
      throw new DomainError('PAYLOAD_TOO_LARGE', 'Request body too large (limit 30 MB)', 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

@ApiTags('channels')
@Controller('hooks')
export class ChannelHooksController {
  constructor(private readonly hooks: ChannelHooksService) {}

  /** Authenticated by the channel (shared secret or HMAC signature), not by a session. */
  @Public()
  @Post(':instanceId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Inbound webhook of a channel instance (e.g. a raw RFC 822 message from a mail provider); 401 when the channel's verify fails",
  })
  async receive(@Param('instanceId') instanceId: string, @Req() req: Request) {
    const body = await rawBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') query[k] = v;
    return this.hooks.handle(instanceId, {
      method: req.method,
      path: req.path,
      headers,
      query,
      body: body.toString('utf8'),
      bodyBase64: body.toString('base64'),
    });
  }
}
