import { Injectable, Logger } from '@nestjs/common';
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
export class DomainEventBus {
  private readonly logger = new Logger('DomainEvents');

  constructor(private readonly emitter: EventEmitter2) {}

  async publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
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
