import { Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../identity/language.js';
import { SettingsService } from './settings.service.js';

/**
 * The language to write to an end user in (mails, automatic texts): the contact's own, else the
 * company's `locale.default`, else English. Read from the settings every time, like every setting.
 */
@Injectable()
export class ContactLanguageService {
  constructor(private readonly settings: SettingsService) {}

  async forCompany(companyId: string | null | undefined): Promise<Language> {
    const value = await this.settings.get('locale.default', companyId ?? null);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  }

  async forContact(
    contact: { language: Language | string | null; companyId: string } | null | undefined,
    companyId?: string | null,
  ): Promise<Language> {
    if (contact && isLanguage(contact.language)) return contact.language;
    return this.forCompany(contact?.companyId ?? companyId);
  }
}
