import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain.error.js';

/**
 * One live-chat message (portal visitor, agent-chat device) entering the inbound pipeline. The
 * stages are the same as for plugin channels, but each is already settled without a query, so the
 * group-committed hot path costs no more than before:
 * - identity: `sender`, the socket principal resolved once per socket;
 * - threading: `conversationId`, the socket's conversation;
 * - de-duplication: `clientId`, which the destination's group commit de-duplicates atomically;
 * - loop guard / rate limit: none for chat (a socket cannot echo our own messages; the composer limit is `maxLength`).
 */
export interface ChatInbound<A = unknown> {
  /** Which channel it came from (e.g. `portal`, `agent`): for the destination's logs and limits. */
  channel: string;
  sender: A;
  conversationId: string;
  body: string;
  clientId?: string | null;
  maxLength: number;
  /** The sending socket: it gets the message in its ack, so the room broadcast skips it. */
  originSocketId?: string;
}

/** The lib that owns the destination (chat: conversations) delivers; it never looks the sender up again. */
export type ChatDestination<A = unknown, R = unknown> = (message: ChatInbound<A>) => Promise<R>;

/**
 * The live-chat entry of the one inbound pipeline (plugin channels enter through
 * `ChannelInboundService.receive`). Destinations register per kind (libs sit above the core);
 * `receive` is one map lookup and returns the destination's promise as is (no extra tick).
 */
@Injectable()
export class ChatInboundPipeline {
  private readonly destinations = new Map<string, ChatDestination<never, unknown>>();

  register<A, R>(destination: string, deliver: ChatDestination<A, R>): void {
    if (this.destinations.has(destination))
      throw new Error(`A live-chat destination "${destination}" is already registered`);
    this.destinations.set(destination, deliver as ChatDestination<never, unknown>);
  }

  receive<A, R>(destination: string, message: ChatInbound<A>): Promise<R> {
    const deliver = this.destinations.get(destination) as ChatDestination<A, R> | undefined;
    if (!deliver)
      return Promise.reject(
        new DomainError('CHANNEL_NOT_HANDLED', `Nothing in this installation handles "${destination}" chat`, 503),
      );
    return deliver(message);
  }
}
