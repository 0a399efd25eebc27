import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { CoreDomainEventMap } from '@switchboard/contracts';
import type { SwitchboardEventMap } from '@switchboard/plugin-sdk';

/** Public events (the SDK's map) plus core-internal ones (libs/contracts, e.g. ticket.sentiment.changed). */
export type DomainEventMap = SwitchboardEventMap & CoreDomainEventMap;
export type DomainEventName = keyof DomainEventMap;
export type DomainEventHandler<P = unknown> = (payload: P, name: string) => void | Promise<void>;

type Listener = (...args: unknown[]) => Promise<void> | undefined;
const DONE = Promise.resolve();

/**
 * Typed facade over @nestjs/event-emitter (its EventEmitter2 holds the subscriptions). A failing
 * subscriber is logged and never fails the publisher: the change that raised the event has
 * already been committed. publish() resolves when every subscriber has finished.
 * Dispatch is done here rather than with emitAsync: every chat message is published, and
 * emitAsync wraps each listener in promises even when it returns at once (most do: they filter
 * by channel); here only subscribers that return a promise cost one.
 */
@Injectable()
export class DomainEventBus implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DomainEvents');
  /** Publishes whose subscribers are still running (many run after the publisher has answered). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly emitter: EventEmitter2) {}

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    let pending: Promise<void>[] | undefined;
    for (const listener of this.emitter.listeners(name) as Listener[]) {
      const running = listener(payload);
      if (running) (pending ??= []).push(running);
    }
    for (const listener of this.emitter.listenersAny() as Listener[]) {
      const running = listener(name, payload);
      if (running) (pending ??= []).push(running);
    }
    if (!pending) return DONE;
    const all = (pending.length === 1 ? pending[0] : Promise.all(pending)).then(() => undefined);
    this.inFlight.add(all);
    return all.finally(() => this.inFlight.delete(all));
  }

  subscribe<K extends DomainEventName>(
    name: K | '*',
    handler: DomainEventHandler<K extends DomainEventName ? DomainEventMap[K] : unknown>,
  ): () => void {
    const call = (payload: unknown, eventName: string): Promise<void> | undefined => {
      try {
        const result = handler(payload as never, eventName);
        if (result && typeof (result as Promise<void>).then === 'function')
          return (result as Promise<void>).then(undefined, (error) => this.failed(error, eventName));
      } catch (error) {
        this.failed(error, eventName);
      }
      return undefined;
    };
    if (name === '*') {
      const listener = (eventName: string | string[], payload: unknown) => call(payload, String(eventName));
      this.emitter.onAny(listener);
      return () => this.emitter.offAny(listener);
    }
    const listener = (payload: unknown) => call(payload, name);
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
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

  private failed(error: unknown, eventName: string): void {
    this.logger.error({ err: error, event: eventName }, `Subscriber of ${eventName} failed`);
  }
}
