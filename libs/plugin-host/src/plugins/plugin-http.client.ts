import { Injectable } from '@nestjs/common';
import type { PluginHttpRequest, PluginHttpResponse } from '@switchboard/plugin-sdk';

export const MAX_PLUGIN_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * The outbound HTTP port behind `ctx.http.fetch`. The allow-list check happens before this (in the
 * SDK's checked context); here: no redirects (they could leave the allow-list), a timeout and a
 * bounded body, read as a stream and abandoned (connection closed) the moment it passes the limit,
 * so an endless or huge response costs at most the limit in memory. Replaceable in tests.
 */
@Injectable()
export class PluginHttpClient {
  async fetch(url: string, init: PluginHttpRequest): Promise<PluginHttpResponse> {
    const host = new URL(url).host;
    const abort = new AbortController();
    const tooLarge = () =>
      new Error(`response from ${host} exceeds ${MAX_PLUGIN_RESPONSE_BYTES} bytes; stopped reading it`);
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(init.timeoutMs ?? 10_000)]),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_PLUGIN_RESPONSE_BYTES) {
      abort.abort();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_PLUGIN_RESPONSE_BYTES) {
        // Cancel the stream and abort the request: undici closes the socket instead of draining it.
        abort.abort();
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(Buffer.from(value));
    }
    return { status: response.status, ok: response.ok, headers, body: Buffer.concat(chunks).toString('utf8') };
  }
}
