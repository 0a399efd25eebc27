import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  Clock,
  AppConfig,
  DomainError,
  NotFoundError,
  FileService,
  DeadlineScheduler,
  type DueTimer,
  MailTransportRegistry,
  type DeliverableMail,
} from '@switchboard/core';
import type { OutboxMessageEntity } from './outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';

/** Delays before retry n (1-based); after the last one the mail is `failed` (admins can retry it). */
export const MAIL_RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000];
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_BACKOFF_MS.length + 1;
/** A message (bodies and attachments) larger than this is refused before any transport sees it. */
export const MAX_MAIL_BYTES = 20 * 1024 * 1024;
const RETRY_TIMER = 'mail.retry';

/**
 * Hands outbox records to the registered transport. A failure schedules a retry as a deadline
 * row (backoff above), so any instance may run it and it survives restarts; after the last
 * attempt the record is `failed`, visible to admins (`GET /api/outbox?status=failed`) with a
 * retry action. The outbox row stays the record of what was sent.
 */
@Injectable()
export class MailDelivery implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transports: MailTransportRegistry,
    private readonly scheduler: DeadlineScheduler,
    private readonly files: FileService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(RETRY_TIMER, (timer) => this.onRetryTimer(timer));
  }

  /**
   * The first delivery of a new record, off the caller's path (a slow relay never slows a reply
   * down). A deadline row is written first, so a crash mid-attempt still leads to a retry.
   */
  async enqueue(row: OutboxMessageEntity): Promise<void> {
    await this.scheduler.schedule({
      kind: RETRY_TIMER,
      key: this.timerKey(row.id),
      dueAt: new Date(this.clock.now().getTime() + MAIL_RETRY_BACKOFF_MS[0]),
      payload: { outboxId: row.id },
    });
    const run = this.attempt(row)
      .then(async (done) => {
        if (done.status === 'sent') await this.scheduler.cancel(this.timerKey(row.id));
      })
      .catch((error: unknown) =>
        this.logger.error({ err: error, messageId: row.messageId }, 'Mail delivery attempt failed unexpectedly'),
      )
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Tests and shutdown: wait for the deliveries under way. */
  async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settle();
  }

  /** One attempt now. Never throws for transport faults: the record says what happened. */
  async attempt(row: OutboxMessageEntity): Promise<OutboxMessageEntity> {
    const transport = this.transports.current;
    if (!transport)
      return this.failedAttempt(
        row,
        'no mail transport is registered (is the email channel enabled with an SMTP relay?)',
        null,
      );
    try {
      await transport.deliver(await this.deliverable(row));
    } catch (error) {
      return this.failedAttempt(row, (error as Error)?.message ?? String(error), transport.name);
    }
    const patch = {
      status: 'sent' as const,
      attempts: row.attempts + 1,
      transport: transport.name,
      sentAt: this.clock.now(),
      nextAttemptAt: null,
      lastError: null,
    };
    await this.outbox.patch(row.id, patch);
    return Object.assign(row, patch);
  }

  /** Admin action on a failed (or waiting) mail: try again now, with a fresh set of retries if it fails. */
  async retryNow(id: string): Promise<OutboxMessageEntity> {
    const row = await this.outbox.findById(id);
    if (!row) throw new NotFoundError('Outbox message', id);
    if (row.status === 'sent') throw new DomainError('MAIL_ALREADY_SENT', 'This mail was already delivered', 409);
    if (row.status === 'queued')
      throw new DomainError('MAIL_IN_PROGRESS', 'This mail is being delivered right now', 409);
    if (row.status === 'recorded' && !this.transports.current)
      throw new DomainError(
        'MAIL_NO_TRANSPORT',
        'No mail transport is registered: enable the email channel with an SMTP relay first',
        409,
      );
    await this.scheduler.cancel(this.timerKey(id));
    row.attempts = 0;
    return this.attempt(row);
  }

  private async onRetryTimer(timer: DueTimer): Promise<void> {
    const row = await this.outbox.findById(String(timer.payload.outboxId));
    if (!row || (row.status !== 'retrying' && row.status !== 'queued')) return;
    await this.attempt(row);
  }

  private async failedAttempt(
    row: OutboxMessageEntity,
    reason: string,
    transport: string | null,
  ): Promise<OutboxMessageEntity> {
    const attempts = row.attempts + 1;
    const giveUp = attempts >= MAIL_MAX_ATTEMPTS;
    const nextAttemptAt = giveUp ? null : new Date(this.clock.now().getTime() + MAIL_RETRY_BACKOFF_MS[attempts - 1]);
    const patch = {
      status: giveUp ? ('failed' as const) : ('retrying' as const),
      attempts,
      lastError: reason.slice(0, 2000),
      nextAttemptAt,
      transport: transport ?? row.transport,
    };
    await this.outbox.patch(row.id, patch);
    if (nextAttemptAt)
      await this.scheduler.schedule({
        kind: RETRY_TIMER,
        key: this.timerKey(row.id),
        dueAt: nextAttemptAt,
        payload: { outboxId: row.id },
      });
    this.logger.warn(
      { messageId: row.messageId, attempts, giveUp, reason },
      giveUp ? 'Mail delivery failed for good' : 'Mail delivery failed; will retry',
    );
    return Object.assign(row, patch);
  }

  private timerKey(id: string): string {
    return `mail-retry:${id}`;
  }

  private async deliverable(row: OutboxMessageEntity): Promise<DeliverableMail> {
    const attachments: DeliverableMail['attachments'] = [];
    for (const a of row.attachments ?? []) {
      const { data } = await this.files.open(a.fileId);
      attachments.push({
        filename: a.name,
        contentType: a.contentType,
        size: data.length,
        contentBase64: data.toString('base64'),
      });
    }
    return {
      id: row.id,
      from: this.config.mailFrom,
      replyTo: row.headers['Reply-To'],
      to: [...row.to],
      cc: [...row.cc],
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: { ...row.headers },
      attachments,
    };
  }
}

/** Bytes a message will take at least (bodies, headers, attachments with base64 growth). */
export function mailSize(mail: {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments?: Array<{ size: number }> | null;
}): number {
  const headers = Object.entries(mail.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  const files = (mail.attachments ?? []).reduce((n, a) => n + Math.ceil(a.size / 3) * 4, 0);
  return (
    Buffer.byteLength(mail.subject) + Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html) + headers + files
  );
}
