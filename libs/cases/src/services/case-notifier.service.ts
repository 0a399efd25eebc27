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

  async created(view: CaseView): Promise<void> {
    const technicians = await this.audience(view.companyId);
    const prefs = await this.preferences.getMany(technicians.map((t) => t.id));
    const unseen = await this.seen.unseenFor(technicians.map((t) => t.id));
    for (const t of technicians) {
      const p = prefs.get(t.id)!;
      // The chime only for those who take chats now and want sound.
      const chime = t.availability === 'available' && p.sound;
      this.realtime.toAccount(t.id, 'case.created', {
        case: view,
        chime,
        unseen: unseen.get(t.id) ?? 1,
        browser: p.browser && t.availability === 'available',
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
    // Unavailable technicians get no alerts (issue rule); the dashboard still updates live for them.
    const alerted = technicians.filter((t) => t.availability === 'available');
    const inAppOnly = alerted.filter((t) => prefs.get(t.id)!.inApp && !prefs.get(t.id)!.email).map((t) => t.id);
    const withEmail = alerted.filter((t) => prefs.get(t.id)!.email).map((t) => t.id);
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
