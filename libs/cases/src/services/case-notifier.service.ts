import { Injectable, Logger } from '@nestjs/common';
import { NotificationService } from '@switchboard/notify';
import { RealtimeService, TechnicianDirectory } from '@switchboard/core';
import { NotificationPreferencesService } from '@switchboard/chat';
import type { CaseView } from '../case.views.js';
import { caseFeedAccountRoom, caseFeedRooms } from '../realtime/case-feed-room.js';
import { CaseSeenService } from './case-seen.service.js';

/**
 * Tells the technicians serving a company about its cases, live (across instances through the Redis
 * adapter): a new pool case alerts each available technician on their account room; the list's
 * changes (`case.updated`, `case.deleted`, a queue-routed `case.created`) go only to sockets with the
 * Cases page open (CaseFeedGateway's rooms), one packet each. Notification texts carry no customer
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

  /**
   * `routed`: a queue-routed chat is offered to one agent at a time (the offer pop-up is the alert), so
   * the lists only learn about it: one packet for everyone, no chime, no notification (#14; before,
   * each queued chat alerted every available technician, 200 packets and rows per chat at scale).
   */
  async created(view: CaseView, opts: { routed?: boolean } = {}): Promise<void> {
    if (opts.routed) {
      // Available technicians only, and only their sockets with the Cases page open.
      const ids = await this.directory.ids({ companyId: view.companyId, available: true });
      if (ids.length)
        this.realtime.emit('agent', ids.map(caseFeedAccountRoom), 'case.created', {
          case: view,
          chime: false,
          browser: false,
        });
      return;
    }
    const technicians = await this.directory.list({ companyId: view.companyId, available: true });
    if (!technicians.length) return;
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
    this.realtime.emit('agent', caseFeedRooms(view.companyId), 'case.updated', { case: view, changes });
  }

  async deleted(caseId: string, companyId: string): Promise<void> {
    this.realtime.emit('agent', caseFeedRooms(companyId), 'case.deleted', { caseId });
  }
}
