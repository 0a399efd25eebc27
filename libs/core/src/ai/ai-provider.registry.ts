import { Injectable } from '@nestjs/common';
import type { AiCompletionRequest, ComposeProvider, SentimentProvider } from '@switchboard/plugin-sdk';
import { DomainError } from '../errors/domain.error.js';

export type AiPoint = 'compose' | 'sentiment';
type Provided<T> = { pluginId: string; provider: T };

/**
 * The AI ports (SDK 1.4): which plugin fills "Compose with AI" and which classifies sentiment.
 * One provider per point per installation; the plugin host fills them on enable and clears them
 * on disable or crash, and libs/ai-compose (a floor up) calls them. Providers live in each
 * instance's process (every instance loads the same enabled plugins), so nothing here is shared
 * state between instances.
 */
@Injectable()
export class AiProviderRegistry {
  private compose: Provided<ComposeProvider> | null = null;
  private sentiment: Provided<SentimentProvider> | null = null;

  /** Fill a point; a second plugin is refused so an admin knows which one answers. Returns the withdrawal. */
  use(point: 'compose', pluginId: string, provider: ComposeProvider): () => void;
  use(point: 'sentiment', pluginId: string, provider: SentimentProvider): () => void;
  use(point: AiPoint, pluginId: string, provider: ComposeProvider | SentimentProvider): () => void {
    const current = this[point];
    if (current && current.pluginId !== pluginId)
      throw new DomainError(
        'AI_PROVIDER_TAKEN',
        `the ${point} extension point is already filled by plugin "${current.pluginId}"; disable it first`,
        409,
      );
    if (point === 'compose') this.compose = { pluginId, provider: provider as ComposeProvider };
    else this.sentiment = { pluginId, provider: provider as SentimentProvider };
    return () => this.clear(point, pluginId);
  }

  clear(point: AiPoint, pluginId: string): void {
    if (this[point]?.pluginId === pluginId) this[point] = null;
  }

  get composeProvider(): Provided<ComposeProvider> | null {
    return this.compose;
  }

  get sentimentProvider(): Provided<SentimentProvider> | null {
    return this.sentiment;
  }

  /** Whether `ctx.ai.complete` has somewhere to go. */
  get canComplete(): boolean {
    return typeof this.compose?.provider.complete === 'function';
  }

  /**
   * The completion behind `ctx.ai.complete`. The request must already be masked by the caller
   * (the plugin host masks it); this only routes it.
   */
  async complete(request: AiCompletionRequest, signal: AbortSignal): Promise<string> {
    const complete = this.compose?.provider.complete;
    if (!this.compose || typeof complete !== 'function')
      throw new DomainError('AI_PROVIDER_MISSING', 'no enabled compose provider offers completions', 409);
    return complete.call(this.compose.provider, request, { signal });
  }
}
