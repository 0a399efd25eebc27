import { PLUGIN_ERROR_CODES } from './plugin-error-codes.js';

/**
 * SDK 1.4: why an AI provider call failed, so the core can tell the technician something useful
 * (and keep the draft): `unavailable` (provider down, connection refused, 5xx), `timeout`, `quota`
 * (rate limit or credits exhausted, 429), `refused` (the model declined or the content filter fired),
 * `invalid` (bad answer, bad settings such as a wrong API key or model).
 */
export type AiProviderFailure = 'unavailable' | 'timeout' | 'quota' | 'refused' | 'invalid';

export class AiProviderError extends Error {
  readonly code = PLUGIN_ERROR_CODES.aiProvider;

  constructor(
    readonly failure: AiProviderFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AiProviderError';
  }

  toJSON() {
    return { code: this.code, failure: this.failure, message: this.message };
  }
}
