import { Injectable } from '@nestjs/common';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';
import type { Sender } from './sender.js';

export interface InboundContext {
  pluginId: string;
  channel: string;
  instanceId: string | null;
  message: InboundMessage;
  /** Resolved once by the pipeline; destinations never look the sender up again. */
  sender: Sender;
  /** Our own addresses for this message (configured sender + the recipients it was addressed to), lower-cased. */
  ownAddresses: ReadonlySet<string>;
}

/**
 * Where a channel's inbound messages go, registered by the lib that owns the destination (libs sit
 * above the core): `admit` refuses cheaply before any lookup (e.g. size), `thread` finds the
 * conversation or ticket from the message and the resolved sender, `deliver` hands both over.
 */
export interface InboundDestination<T = unknown> {
  admit?(message: InboundMessage): InboundResult | null;
  thread(message: InboundMessage, sender: Sender): Promise<T>;
  deliver(context: InboundContext, thread: T): Promise<InboundResult>;
}

/**
 * The seam between the core's generic inbound pipeline and the libs that own a channel's
 * destination: libs sit above the core, so they register here (tickets registers `email`).
 */
@Injectable()
export class ChannelInboundHandlers {
  private readonly destinations = new Map<string, InboundDestination<never>>();

  register<T>(channel: string, destination: InboundDestination<T>): void {
    if (this.destinations.has(channel))
      throw new Error(`An inbound handler for channel "${channel}" is already registered`);
    this.destinations.set(channel, destination as InboundDestination<never>);
  }

  get(channel: string): InboundDestination<unknown> | undefined {
    return this.destinations.get(channel) as InboundDestination<unknown> | undefined;
  }
}

/** @deprecated the old name of a destination (kept for the plugin-host barrel). */
export type InboundHandler = InboundDestination;
