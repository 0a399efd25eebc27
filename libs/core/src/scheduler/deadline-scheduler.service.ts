import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { Tx } from '../database/tx.js';
import { newId } from '../ids/id.js';
import { DeadlineEntity } from './deadline.entity.js';
import { DeadlineRepository } from './deadline.repository.js';

export interface DueTimer {
  id: string;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  dueAt: Date;
  attempt: number;
}

export type TimerHandler = (timer: DueTimer) => Promise<void>;

export interface ScheduleInput {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  /** Same key again moves the existing timer instead of adding one. */
  key?: string;
  maxAttempts?: number;
}

/**
 * A timer kind declared once together with its handler (Vendure's `createQueue({ name, process })`
 * is the model): whoever arms or cancels it holds the handle, so kind and handler cannot drift apart.
 */
export interface TimerDefinition {
  kind: string;
  process: TimerHandler;
}

export interface TimerHandle {
  readonly kind: string;
  /** Arms (or moves, same key) the timer; inside `tx` when given. */
  schedule(input: Omit<ScheduleInput, 'kind'>, tx?: Tx): Promise<string>;
  cancel(key: string, tx?: Tx): Promise<boolean>;
}

const STALE_AFTER_MS = 5 * 60_000;
const BATCH = 100;

/**
 * Timers as deadline rows, fired by a sweep every second on every instance (each row fires once).
 * Handlers should be idempotent: a crash after the work but before completion re-runs it.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private readonly handlers = new Map<string, TimerHandler>();
  private sweeping: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
  ) {}

  register(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for timer kind "${kind}" is already registered`);
    this.handlers.set(kind, handler);
  }

  /** Declares a timer kind with its handler; the handle schedules and cancels timers of that kind. */
  define(definition: TimerDefinition): TimerHandle {
    this.register(definition.kind, definition.process);
    const kind = definition.kind;
    return {
      kind,
      schedule: (input, tx) => this.schedule({ ...input, kind }, tx),
      cancel: (key, tx) => this.cancel(key, tx),
    };
  }

  async schedule(input: ScheduleInput, tx?: Tx): Promise<string> {
    const row = Object.assign(new DeadlineEntity(), {
      id: newId(),
      kind: input.kind,
      key: input.key ?? null,
      payload: input.payload ?? {},
      dueAt: input.dueAt,
      state: 'pending' as const,
      attempts: 0,
      maxAttempts: input.maxAttempts ?? 5,
      lastError: null,
      claimedBy: null,
      claimedAt: null,
    });
    await this.deadlines.upsert(row, tx);
    return row.id;
  }

  cancel(key: string, tx?: Tx): Promise<boolean> {
    return this.deadlines.cancelByKey(key, tx);
  }

  /** Cancels several timers at once (one statement), inside `tx` when given. */
  cancelMany(keys: string[], tx?: Tx): Promise<number> {
    return this.deadlines.cancelByKeys(keys, tx);
  }

  /** One pass: claim what is due now and run it. Returns how many timers fired. */
  sweep(): Promise<number> {
    // Never two overlapping passes in one instance; other instances are kept apart by the claim.
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  /** Tests: fire everything due at the (fake) clock's current time, including timers those handlers schedule. */
  async runDue(maxPasses = 20): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxPasses; i++) {
      const fired = await this.sweep();
      total += fired;
      if (fired === 0) break;
    }
    return total;
  }

  onApplicationBootstrap(): void {
    if (!this.config.runSchedulers) return;
    const interval = setInterval(() => {
      if (!this.stopped) this.sweep().catch((err) => this.logger.error({ err }, 'Timer sweep failed'));
    }, this.config.sweepIntervalMs);
    interval.unref();
    this.registry.addInterval('deadline-sweep', interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.registry.doesExist('interval', 'deadline-sweep')) this.registry.deleteInterval('deadline-sweep');
    await this.sweeping?.catch(() => undefined);
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock.now();
    await this.deadlines.releaseStale(new Date(now.getTime() - STALE_AFTER_MS));
    const claimed = await this.deadlines.claimDue(now, this.config.instanceId, BATCH);
    await Promise.all(claimed.map((row) => this.fire(row)));
    return claimed.length;
  }

  private async fire(row: DeadlineEntity): Promise<void> {
    const owner = this.config.instanceId;
    const handler = this.handlers.get(row.kind);
    if (!handler) {
      // Possibly an instance of another version during a rolling deploy knows it: put it back.
      await this.deadlines.retryLater(
        row.id,
        owner,
        `no handler for ${row.kind} on ${owner}`,
        new Date(this.clock.nowMs() + 30_000),
      );
      return;
    }
    try {
      await handler({
        id: row.id,
        kind: row.kind,
        key: row.key,
        payload: row.payload ?? {},
        dueAt: new Date(row.dueAt),
        attempt: row.attempts,
      });
      await this.deadlines.complete(row.id, owner);
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      this.logger.warn({ err: error, kind: row.kind, attempt: row.attempts }, `Timer ${row.kind} failed`);
      if (row.attempts >= row.maxAttempts) await this.deadlines.markFailed(row.id, owner, message);
      else
        await this.deadlines.retryLater(
          row.id,
          owner,
          message,
          new Date(this.clock.nowMs() + Math.min(2 ** row.attempts * 1000, 300_000)),
        );
    }
  }
}
