import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  Clock,
  newId,
  NotFoundError,
  PiiMasker,
  RealtimeService,
  TechnicianDirectory,
  type TechnicianEntry,
} from '@switchboard/core';
import { MailPort } from '../mail/mail.port.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationPush, NotificationView, toNotificationView } from './notification.views.js';

export interface NotificationInput {
  title: string;
  body: string;
  link?: string | null;
  /**
   * The company the notification is about: masking scope (unknown = the strictest company policy)
   * and audience (only accounts serving it receive it, checked when it is sent).
   */
  companyId?: string | null;
}

export interface NotifyOptions {
  /** Also send each account an email (e.g. @notify in an internal note). */
  email?: boolean;
}

/** Stores in-app notifications, pushes them live to every tab of the account, optionally emails them. */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly realtime: RealtimeService,
    private readonly directory: TechnicianDirectory,
    private readonly mail: MailPort,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly masker: PiiMasker,
  ) {}

  async notify(
    accountIds: string[],
    input: NotificationInput,
    options: NotifyOptions = {},
  ): Promise<NotificationView[]> {
    // Recipients are often computed earlier (an assignee, a rule's list): whoever no longer serves
    // the company, or is deactivated, is dropped here, at send time (#13.6).
    const { serving } = await this.directory.serving(input.companyId ?? null, accountIds);
    const rows = serving.map(({ id: accountId }) =>
      Object.assign(new NotificationEntity(), {
        // Ingest mode: notifications are built from what people wrote, so they are a write path too.
        id: newId(),
        accountId,
        title: this.masker.maskInbound(input.title, input.companyId ?? null).slice(0, 300),
        body: this.masker.maskInbound(input.body, input.companyId ?? null),
        link: input.link ?? null,
        readAt: null,
        createdAt: this.clock.now(),
      }),
    );
    await this.notifications.insertMany(rows);
    for (const row of rows) {
      const push: NotificationPush = {
        id: row.id,
        title: row.title,
        body: row.body,
        createdAt: row.createdAt.toISOString(),
        ...(row.link ? { link: row.link } : {}),
      };
      this.realtime.toAccount(row.accountId, 'notification', push);
    }
    if (options.email) await this.email(serving, input);
    return rows.map(toNotificationView);
  }

  async list(accountId: string, query: { limit?: number; cursor?: string }) {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const page = await this.notifications.listForAccount(accountId, limit, query.cursor);
    return {
      items: page.items.map(toNotificationView),
      nextCursor: page.nextCursor,
      unread: await this.notifications.countUnread(accountId),
    };
  }

  async markRead(accountId: string, id: string): Promise<NotificationView> {
    const n = await this.notifications.findOwned(id, accountId);
    if (!n) throw new NotFoundError('Notification', id);
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await this.notifications.save(n);
    }
    return toNotificationView(n);
  }

  async markAllRead(accountId: string): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(accountId, this.clock.now()) };
  }

  private async email(accounts: TechnicianEntry[], raw: NotificationInput): Promise<void> {
    // Mail to technicians is a payload sent to technicians: masked like the socket push and the list.
    const input = { ...raw, title: this.masker.maskText(raw.title, null), body: this.masker.maskText(raw.body, null) };
    const url =
      input.link && this.config.publicUrl ? new URL(input.link, this.config.publicUrl).toString() : (input.link ?? '');
    for (const account of accounts) {
      try {
        await this.mail.send({
          to: [account.email],
          cc: [],
          subject: input.title,
          text: `${input.body}${url ? `\n\n${url}` : ''}`,
          html: `<p>${escapeHtml(input.body).replace(/\n/g, '<br>')}</p>${url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ''}`,
          // Technician-facing system mail: mark it so auto-responders and our own inbound stay quiet.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        this.logger.warn({ err: error, accountId: account.id }, 'Notification email failed');
      }
    }
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
