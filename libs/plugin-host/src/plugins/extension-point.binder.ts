import { Injectable, Optional } from '@nestjs/common';
import type {
  AiCompletionRequest,
  ComposeProvider,
  MailTransportProvider,
  SentimentProvider,
} from '@switchboard/plugin-sdk';
import { AiProviderRegistry, DomainError, MailTransportRegistry, PiiMasker } from '@switchboard/core';

const fn = (value: unknown, name: string, point: string) => {
  if (typeof (value as Record<string, unknown>)[name] !== 'function')
    throw new TypeError(`${point} needs ${name}(...)`);
};

/**
 * Connects what a plugin passes to `host.provide(point, …)` to the core's ports (the SDK has
 * already checked the permission), and answers `ctx.ai.complete`. One place per point, so the
 * context factory stays a translation of ports.
 */
@Injectable()
export class ExtensionPointBinder {
  constructor(
    private readonly transports: MailTransportRegistry,
    private readonly ai: AiProviderRegistry,
    @Optional() private readonly masker?: PiiMasker,
  ) {}

  /** Returns the withdrawal the SDK calls when the plugin is disabled or crashes. */
  provide(pluginId: string, point: string, implementation: unknown): () => void {
    switch (point) {
      case 'mailTransport': {
        const provider = implementation as MailTransportProvider;
        fn(provider, 'deliver', point);
        // The mail (addresses, bodies) goes to the end users it is addressed to: not masked here;
        // ingest mode already stored it masked. A JSON copy keeps the core's objects out of reach.
        this.transports.use({
          name: pluginId,
          deliver: async (mail) => void (await provider.deliver(JSON.parse(JSON.stringify(mail)))),
        });
        return () => this.transports.clear(pluginId);
      }
      case 'compose': {
        const provider = implementation as ComposeProvider;
        fn(provider, 'generate', point);
        fn(provider, 'rewrite', point);
        return this.ai.use('compose', pluginId, provider);
      }
      case 'sentiment': {
        const provider = implementation as SentimentProvider;
        fn(provider, 'classify', point);
        return this.ai.use('sentiment', pluginId, provider);
      }
      default:
        throw new DomainError('PLUGIN_NOT_AVAILABLE', `extension point "${point}" is not available`, 400);
    }
  }

  /** `ctx.ai.complete`: masked again here, whatever the calling plugin already did. */
  async complete(request: AiCompletionRequest, signal?: AbortSignal): Promise<string> {
    const masked = this.masker ? this.masker.maskPayload(request) : request;
    return this.ai.complete(masked, signal ?? new AbortController().signal);
  }
}
