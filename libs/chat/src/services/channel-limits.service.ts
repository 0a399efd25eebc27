import { Injectable } from '@nestjs/common';
import { DEFAULT_MAX_MESSAGE_LENGTH } from '../chat.types.js';

/**
 * Composer limit per channel (the channel plugin's `capabilities.maxLength`, capped by the
 * product's 1,000-character rule). Channel libs register a provider, read at each use, so a
 * plugin enabled or disabled later is taken into account.
 */
@Injectable()
export class ChannelLimits {
  private readonly providers = new Map<string, () => number | null>();

  register(channel: string, provider: () => number | null): void {
    this.providers.set(channel, provider);
  }

  maxLength(channel: string): number {
    return Math.min(this.providers.get(channel)?.() ?? DEFAULT_MAX_MESSAGE_LENGTH, DEFAULT_MAX_MESSAGE_LENGTH);
  }
}
