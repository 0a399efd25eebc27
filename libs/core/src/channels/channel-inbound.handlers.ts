import { Injectable } from '@nestjs/common';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';

export interface InboundContext {
  pluginId: string;
  channel: string;
  instanceId: string | null;
  message: InboundMessage;
}

/** What a lib does with a de-duplicated, loop-guarded inbound message (e.g. tickets for `email`). */
export type InboundHandler = (context: InboundContext) => Promise<InboundResult>;

/**
 * The seam between the core's generic inbound pipeline and the libs that own a channel's
 * destination: libs sit above the core, so they register here (tickets registers `email`).
 */
@Injectable()
export class ChannelInboundHandlers {
  private readonly handlers = new Map<string, InboundHandler>();

  register(channel: string, handler: InboundHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`An inbound handler for channel "${channel}" is already registered`);
    this.handlers.set(channel, handler);
  }

  get(channel: string): InboundHandler | undefined {
    return this.handlers.get(channel);
  }
}
