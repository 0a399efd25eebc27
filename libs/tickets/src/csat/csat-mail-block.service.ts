import { Injectable } from '@nestjs/common';
import type { Language } from '@switchboard/core';
import { escapeHtml } from '@switchboard/notify';
import { TicketPortalLinks } from '../email/ticket-portal-links.js';
import { CsatQuestionService } from './csat-question.service.js';

export interface CsatMailSurvey {
  token: string;
  companyId: string;
  language: Language;
}

const SCALE: Record<Language, string> = {
  en: '1 = very dissatisfied, 5 = very satisfied',
  fr: '1 = très insatisfait, 5 = très satisfait',
};

/**
 * The "How did we do?" part of a resolution mail: the question and five links to the portal's
 * survey page, one per score (the page still asks to confirm, so a link scanner cannot answer).
 * Added after the admin's template, like the portal link, so a custom template carries it too.
 */
@Injectable()
export class CsatMailBlock {
  constructor(
    private readonly links: TicketPortalLinks,
    private readonly question: CsatQuestionService,
  ) {}

  async render(survey: CsatMailSurvey): Promise<{ text: string; html: string } | null> {
    const url = await this.links.surveyUrl(survey.companyId, survey.token);
    if (!url) return null;
    const question = await this.question.question(survey.companyId, survey.language);
    const scores = [1, 2, 3, 4, 5].map((n) => ({ n, href: `${url}&score=${n}` }));
    return {
      text: `${question}\n${scores.map((s) => `${s.n}/5: ${s.href}`).join('\n')}\n(${SCALE[survey.language]})\n`,
      html:
        `<p data-csat="question"><b>${escapeHtml(question)}</b></p><p data-csat="scores">` +
        scores
          .map(
            (s) =>
              `<a href="${escapeHtml(s.href)}" style="display:inline-block;padding:6px 12px;margin:0 4px;border:1px solid #888;border-radius:4px;text-decoration:none">${s.n}</a>`,
          )
          .join('') +
        `</p><p style="color:#666;font-size:12px">${escapeHtml(SCALE[survey.language])}</p>`,
    };
  }
}
