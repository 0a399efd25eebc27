import { Injectable } from '@nestjs/common';
import type { PluginHttpRequest, PluginHttpResponse } from '@switchboard/plugin-sdk';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The outbound HTTP port behind `ctx.http.fetch`. The allow-list check happens before this (in the
 * SDK's checked context); here: no redirects (they could leave the allow-list), a timeout and a
 * bounded body. Replaceable in tests.
 */
@Injectable()
export class PluginHttpClient {
  async fetch(url: string, init: PluginHttpRequest): Promise<PluginHttpResponse> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    if (buffer.byteLength > MAX_BODY_BYTES)
      throw new Error(`response from ${new URL(url).host} exceeds ${MAX_BODY_BYTES} bytes`);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, ok: response.ok, headers, body: buffer.toString('utf8') };
  }
}
