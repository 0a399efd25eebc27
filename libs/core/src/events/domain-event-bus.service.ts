import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { SwitchboardEventMap } from '@switchboard/plugin-sdk';

/** Public events (the SDK's map) plus core-internal ones added by later issues. */
export type DomainEventMap = SwitchboardEventMap;
export type DomainEventName = keyof DomainEventMap;
export type DomainEventHandler<P = unknown> = (payload: P, name: string) => void | Promise<void>;

/**
 * Typed facade over @nestjs/event-emitter. A failing subscriber is logged and never fails the
 * publisher: the change that raised the event has already been committed.
 */
@Injectable()
export class DomainEventBus implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DomainEvents');
  /** Publishes whose subscribers are still running (many run after the publisher has answered). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly emitter: EventEmitter2) {}

  async publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    const running = this.emitter.emitAsync(name, payload);
    this.inFlight.add(running);
    try {
      await running;
    } finally {
      this.inFlight.delete(running);
    }
  }

  /** A stop lets running subscribers finish (bounded) before the database and Redis close under them. */
  async beforeApplicationShutdown(): Promise<void> {
    const until = Date.now() + 5000;
    while (this.inFlight.size && Date.now() < until) {
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise((resolve) => (timer = setTimeout(resolve, until - Date.now())));
      await Promise.race([Promise.allSettled([...this.inFlight]), expired]);
      clearTimeout(timer);
    }
  }

  subscribe<K extends DomainEventName>(name: K | '*', handler: DomainEventHandler<K extends DomainEventName ? DomainEventMap[K] : unknown>): () => void {
    const safe = async (payload: unknown, eventName: string) => {
      try {
        await handler(payload as never, eventName);
      } catch (error) {
        this.logger.error({ err: error, event: eventName }, `Subscriber of ${eventName} failed`);
      }
    };
    if (name === '*') {
      const listener = (eventName: string | string[], payload: unknown) => safe(payload, String(eventName));
      this.emitter.onAny(listener);
      return () => this.emitter.offAny(listener);
    }
    const listener = (payload: unknown) => safe(payload, name);
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
