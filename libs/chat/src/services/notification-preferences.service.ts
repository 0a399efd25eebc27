import { Injectable } from '@nestjs/common';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity.js';
import { NotificationPreferenceRepository } from '../repositories/notification-preference.repository.js';

export interface NotificationPreferences {
  inApp: boolean;
  browser: boolean;
  email: boolean;
  sound: boolean;
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  inApp: true,
  browser: true,
  email: false,
  sound: true,
};

/** Per-technician alert preferences for incoming conversations (portal cases, agent chat, queue offers). */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly repo: NotificationPreferenceRepository) {}

  async get(accountId: string): Promise<NotificationPreferences> {
    return pick((await this.repo.findById(accountId)) ?? DEFAULT_NOTIFICATION_PREFERENCES);
  }

  async getMany(accountIds: string[]): Promise<Map<string, NotificationPreferences>> {
    const rows = new Map((await this.repo.findMany(accountIds)).map((r) => [r.id, pick(r)]));
    return new Map(accountIds.map((id) => [id, rows.get(id) ?? { ...DEFAULT_NOTIFICATION_PREFERENCES }]));
  }

  async update(accountId: string, patch: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
    const next = { ...(await this.get(accountId)) };
    for (const key of Object.keys(DEFAULT_NOTIFICATION_PREFERENCES) as (keyof NotificationPreferences)[]) {
      if (typeof patch[key] === 'boolean') next[key] = patch[key]!;
    }
    await this.repo.save(Object.assign(new NotificationPreferenceEntity(), { id: accountId, ...next }));
    return next;
  }
}

function pick(p: NotificationPreferences): NotificationPreferences {
  return { inApp: p.inApp, browser: p.browser, email: p.email, sound: p.sound };
}
