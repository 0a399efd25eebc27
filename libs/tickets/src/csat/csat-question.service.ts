import { Injectable } from '@nestjs/common';
import { SettingsRegistry, SettingsService, type Language } from '@switchboard/core';
import { DEFAULT_CSAT_QUESTION, defineCsatSettings } from './csat-settings.js';

/** The default question in the languages of the portal; an admin's own question is not translated. */
const DEFAULT_QUESTION: Record<Language, string> = {
  en: DEFAULT_CSAT_QUESTION,
  fr: 'Comment avons-nous fait ?',
};

/** The CSAT settings of a company: whether surveys are on, and the question in a language. */
@Injectable()
export class CsatQuestionService {
  constructor(
    private readonly settings: SettingsService,
    registry: SettingsRegistry,
  ) {
    defineCsatSettings(registry);
  }

  enabled(companyId: string): Promise<boolean> {
    return this.settings.get('csat.enabled', companyId);
  }

  async question(companyId: string, language: Language): Promise<string> {
    const value = (await this.settings.get('csat.question', companyId)).trim();
    return !value || value === DEFAULT_CSAT_QUESTION ? (DEFAULT_QUESTION[language] ?? DEFAULT_CSAT_QUESTION) : value;
  }
}
