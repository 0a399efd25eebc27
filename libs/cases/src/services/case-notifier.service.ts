import { Injectable, Logger } from '@nestjs/common';
import { NotificationService } from '@switchboard/notify';
import { RealtimeService, TechnicianDirectory, type TechnicianEntry } from '@switchboard/core';
import { NotificationPreferencesService } from '@switchboard/chat';
import type { CaseView } from '../case.views.js';
import { CaseSeenService } from './case-seen.service.js';

/**
 * Tells the technicians serving a company about its cases, live, on their own account rooms
 * (works across instances through the Redis adapter). Notification texts carry no customer
 * data: deleting a case must leave nothing about the customer behind.
 *
 * Incoming cases go only to technicians who are available (the portal promises that unavailable
 * technicians do not see incoming requests). Availability is read from the database at send time,
 * so every instance filters the same way; the web UI refetches the lists when a technician turns
 * available again.
 */
@Injectable()
export class CaseNotifier {
  private readonly logger = new Logger('CaseNotifier');

  constructor(
    private readonly directory: TechnicianDirectory,
    private readonly realtime: RealtimeService,
    private readonly preferences: NotificationPreferencesService,
    private readonly notifications: NotificationService,
    private readonly seen: CaseSeenService,
  ) {}

  private audience(companyId: string): Promise<TechnicianEntry[]> {
    return this.directory.list({ companyId });
  }

  /**
   * `routed`: a queue-routed chat is offered to one agent at a time (the offer pop-up is the alert), so
   * the lists only learn about it: one packet for everyone, no chime, no notification (#14; before,
   * each queued chat alerted every available technician, 200 packets and rows per chat at scale).
   */
  async created(view: CaseView, opts: { routed?: boolean } = {}): Promise<void> {
    const technicians = await this.directory.list({ companyId: view.companyId, available: true });
    if (!technicians.length) return;
    if (opts.routed) {
      this.realtime.toAccounts(
        technicians.map((t) => t.id),
        'case.created',
        { case: view, chime: false, browser: false },
      );
      return;
    }
    const prefs = await this.preferences.getMany(technicians.map((t) => t.id));
    const unseen = await this.seen.unseenFor(technicians.map((t) => t.id));
    for (const t of technicians) {
      const p = prefs.get(t.id)!;
      this.realtime.toAccount(t.id, 'case.created', {
        case: view,
        chime: p.sound,
        unseen: unseen.get(t.id) ?? 1,
        browser: p.browser,
      });
    }
    const title = view.type === 'live_chat' ? 'New live chat' : 'New support request';
    // companyId: the audience is re-checked when sent (#13.6), and the masking scope is the case's company.
    const input = {
      title,
      body: `Case ${view.shortId} on ${view.portal.name}`,
      link: `/cases/${view.id}`,
      companyId: view.companyId,
    };
    const inAppOnly = technicians.filter((t) => prefs.get(t.id)!.inApp && !prefs.get(t.id)!.email).map((t) => t.id);
    const withEmail = technicians.filter((t) => prefs.get(t.id)!.email).map((t) => t.id);
    try {
      if (inAppOnly.length) await this.notifications.notify(inAppOnly, input);
      if (withEmail.length) await this.notifications.notify(withEmail, input, { email: true });
    } catch (error) {
      this.logger.warn(`case notification failed: ${(error as Error).message}`);
    }
  }

  async updated(view: CaseView, changes: string[]): Promise<void> {
    this.realtime.toAccounts(
      (await this.audience(view.companyId)).map((t) => t.id),
      'case.updated',
      { case: view, changes },
    );
  }

  async deleted(caseId: string, companyId: string): Promise<void> {
    this.realtime.toAccounts(
      (await this.audience(companyId)).map((t) => t.id),
      'case.deleted',
      { caseId },
    );
  }
}
