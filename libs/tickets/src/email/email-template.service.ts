import { Injectable } from '@nestjs/common';
import { AccountPrincipal, Clock, ValidationFailedError, NotFoundError } from '@switchboard/core';
import Handlebars from 'handlebars';
import { placeholdersOf } from '../services/quick-reply-template.js';
import {
  DEFAULT_EMAIL_TEMPLATES,
  EMAIL_TEMPLATE_EVENTS,
  EMAIL_TEMPLATE_PLACEHOLDERS,
  type EmailTemplateEvent,
  type EmailTemplateText,
} from './email-template-defaults.js';
import { EmailTemplateEntity } from './email-template.entity.js';
import { EmailTemplateRepository } from './email-template.repository.js';
import { CsatMailBlock, type CsatMailSurvey } from '../csat/csat-mail-block.service.js';
import { TicketPortalLinks } from './ticket-portal-links.js';

export interface EmailTemplateView extends EmailTemplateText {
  event: EmailTemplateEvent;
  /** false: the built-in default. */
  custom: boolean;
  placeholders: readonly string[];
  updatedAt: string | null;
}

/** The label of the portal link under every ticket mail (the templates are English, so is this). */
export const PORTAL_LINK_LABEL = 'See this ticket and answer online';

export interface EmailTemplateData {
  ticket: { number: number; title: string; status: string; previousStatus?: string };
  comment?: { body: string };
  bodyHtml?: string;
  author?: string;
  /** The author's signature (plain text; the name when they have none) and its escaped HTML. */
  signature?: string;
  signatureHtml?: string;
  contact?: { firstName: string; lastName: string; name: string };
  helpdesk: { address: string };
  original?: { subject: string };
  /** The ticket's company and number: the mail then ends with the link to it in the portal (#18). */
  link?: { companyId: string; number: number };
  /** A satisfaction survey this mail asks about (#18.4): "How did we do?" with its links. */
  survey?: CsatMailSurvey;
}

const ALLOWED = new Set<string>(EMAIL_TEMPLATE_PLACEHOLDERS);
const compileOptions = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true } };

/** Handlebars templates per event (subject, plain-text and HTML parts), editable by admins. */
@Injectable()
export class EmailTemplateService {
  constructor(
    private readonly templates: EmailTemplateRepository,
    private readonly clock: Clock,
    private readonly links: TicketPortalLinks,
    private readonly csat: CsatMailBlock,
  ) {}

  async list(): Promise<EmailTemplateView[]> {
    const custom = new Map((await this.templates.all()).map((t) => [t.event, t]));
    return EMAIL_TEMPLATE_EVENTS.map((event) => this.view(event, custom.get(event) ?? null));
  }

  async get(event: string): Promise<EmailTemplateView> {
    const key = this.event(event);
    return this.view(key, await this.templates.find(key));
  }

  async update(event: string, input: EmailTemplateText, me: AccountPrincipal): Promise<EmailTemplateView> {
    const key = this.event(event);
    const problems: Record<string, string[]> = {};
    for (const part of ['subject', 'text', 'html'] as const) {
      const found = this.check(input[part]);
      if (found.length) problems[part] = found;
    }
    if (Object.keys(problems).length)
      throw new ValidationFailedError('The template has unknown placeholders or does not parse', problems);
    const row = Object.assign(new EmailTemplateEntity(), {
      event: key,
      subject: input.subject,
      text: input.text,
      html: input.html,
      updatedBy: me.id,
      updatedAt: this.clock.now(),
    });
    await this.templates.save(row);
    return this.view(key, row);
  }

  async reset(event: string): Promise<EmailTemplateView> {
    const key = this.event(event);
    await this.templates.remove(key);
    return this.view(key, null);
  }

  /** Whether a mail can carry a survey for this company (its portal has a public address). */
  async canAskSurvey(companyId: string): Promise<boolean> {
    return !!(await this.links.surveyUrl(companyId, 'probe'));
  }

  /** The mail for an event: the admin's template if there is one, else the default. */
  async render(event: EmailTemplateEvent, data: EmailTemplateData): Promise<EmailTemplateText> {
    const t = (await this.templates.find(event)) ?? DEFAULT_EMAIL_TEMPLATES[event];
    const context = {
      comment: { body: '' },
      bodyHtml: '',
      author: '',
      signature: '',
      signatureHtml: '',
      contact: { firstName: '', lastName: '', name: '' },
      original: { subject: '' },
      ...data,
      ticket: { previousStatus: '', ...data.ticket },
    };
    const plain = (source: string) => Handlebars.compile(source, { ...compileOptions, noEscape: true })(context);
    const rendered = {
      subject: plain(t.subject)
        .replace(/[\r\n]+/g, ' ')
        .trim(),
      text: plain(t.text),
      html: Handlebars.compile(t.html, compileOptions)(context),
    };
    const survey = data.survey ? await this.csat.render(data.survey) : null;
    if (survey) {
      rendered.text = `${rendered.text.replace(/\n*$/, '')}\n\n${survey.text}`;
      rendered.html = `${rendered.html}${survey.html}`;
    }
    // Appended after the admin's template, so a customised template carries the link too.
    const url = data.link ? await this.links.url(data.link.companyId, data.link.number) : null;
    if (!url) return rendered;
    return {
      ...rendered,
      text: `${rendered.text.replace(/\n*$/, '')}\n\n${PORTAL_LINK_LABEL}: ${url}\n`,
      html: `${rendered.html}<p style="font-size:12px"><a href="${Handlebars.escapeExpression(url)}">${PORTAL_LINK_LABEL}</a></p>`,
    };
  }

  private check(template: string): string[] {
    let parsed: { paths: string[]; unsupported: string[] };
    try {
      parsed = placeholdersOf(template);
    } catch (error) {
      return (
        (error as { details?: { fieldErrors?: { body?: string[] } } }).details?.fieldErrors?.body ?? ['does not parse']
      );
    }
    return [
      ...[...new Set(parsed.paths.filter((p) => !ALLOWED.has(p)))].map(
        (p) => `unknown placeholder {{${p}}}; known: ${EMAIL_TEMPLATE_PLACEHOLDERS.join(', ')}`,
      ),
      ...[...new Set(parsed.unsupported)].map(
        (h) => `unsupported expression "${h}": use plain placeholders and {{#if}}/{{#unless}}`,
      ),
    ];
  }

  private event(event: string): EmailTemplateEvent {
    if (!(EMAIL_TEMPLATE_EVENTS as readonly string[]).includes(event)) throw new NotFoundError('Email template', event);
    return event as EmailTemplateEvent;
  }

  private view(event: EmailTemplateEvent, row: EmailTemplateEntity | null): EmailTemplateView {
    const t = row ?? DEFAULT_EMAIL_TEMPLATES[event];
    return {
      event,
      subject: t.subject,
      text: t.text,
      html: t.html,
      custom: !!row,
      placeholders: EMAIL_TEMPLATE_PLACEHOLDERS,
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    };
  }
}
