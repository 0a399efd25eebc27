import { Injectable } from '@nestjs/common';
import {
  AccountPrincipal,
  Clock,
  ContactLanguageService,
  DEFAULT_LANGUAGE,
  type Language,
  NotFoundError,
  ValidationFailedError,
} from '@switchboard/core';
import Handlebars from 'handlebars';
import { placeholdersOf } from '../services/quick-reply-template.js';
import {
  DEFAULT_EMAIL_TEMPLATES,
  EMAIL_TEMPLATE_EVENTS,
  PLACEHOLDERS_OF,
  PORTAL_LINK_LABEL,
  type EmailTemplateEvent,
  type EmailTemplateText,
} from './email-template-defaults.js';
import { EmailTemplateEntity } from './email-template.entity.js';
import { EmailTemplateRepository } from './email-template.repository.js';
import { CsatMailBlock, type CsatMailSurvey } from '../csat/csat-mail-block.service.js';
import { TicketPortalLinks } from './ticket-portal-links.js';
import { StatusMailLabels } from './status-mail-labels.service.js';

export interface EmailTemplateView extends EmailTemplateText {
  event: EmailTemplateEvent;
  language: Language;
  /** false: the built-in default. */
  custom: boolean;
  placeholders: readonly string[];
  updatedAt: string | null;
}

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
  survey?: Omit<CsatMailSurvey, 'language'>;
  /** identity.code: the one-time code and the device it is for. */
  code?: string;
  device?: { name: string };
  /** portal.sign-in: the portal and the sign-in link. */
  portal?: { name: string };
  url?: string;
}

/** The data a mail without a ticket renders with (identity code, sign-in link, refusal). */
export const NO_TICKET = { number: 0, title: '', status: '' };
const compileOptions = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true } };

/**
 * Compiled templates by source: compiling is most of a render's cost (every acknowledgement and
 * reply mail). A compiled template depends only on its source text, so an admin's edit is a new
 * key (nothing to invalidate, on any instance); bounded so edits cannot grow it without end.
 */
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const MAX_COMPILED = 500;
function compiledTemplate(source: string, escape: boolean): Handlebars.TemplateDelegate {
  const key = `${escape ? 'h' : 't'}:${source}`;
  let template = compiled.get(key);
  if (!template) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    template = Handlebars.compile(source, escape ? compileOptions : { ...compileOptions, noEscape: true });
    compiled.set(key, template);
  }
  return template;
}

/** Handlebars templates per event and language (subject, plain-text and HTML parts), editable by admins. */
@Injectable()
export class EmailTemplateService {
  constructor(
    private readonly templates: EmailTemplateRepository,
    private readonly clock: Clock,
    private readonly links: TicketPortalLinks,
    private readonly csat: CsatMailBlock,
    private readonly languages: ContactLanguageService,
    private readonly statusLabels: StatusMailLabels,
  ) {}

  async list(language: Language = DEFAULT_LANGUAGE): Promise<EmailTemplateView[]> {
    const custom = new Map((await this.templates.all(language)).map((t) => [t.event, t]));
    return EMAIL_TEMPLATE_EVENTS.map((event) => this.view(event, language, custom.get(event) ?? null));
  }

  async get(event: string, language: Language = DEFAULT_LANGUAGE): Promise<EmailTemplateView> {
    const key = this.event(event);
    return this.view(key, language, await this.templates.find(key, language));
  }

  async update(
    event: string,
    input: EmailTemplateText,
    me: AccountPrincipal,
    language: Language = DEFAULT_LANGUAGE,
  ): Promise<EmailTemplateView> {
    const key = this.event(event);
    const problems: Record<string, string[]> = {};
    for (const part of ['subject', 'text', 'html'] as const) {
      const found = this.check(key, input[part]);
      if (found.length) problems[part] = found;
    }
    if (Object.keys(problems).length)
      throw new ValidationFailedError('The template has unknown placeholders or does not parse', problems);
    const row = Object.assign(new EmailTemplateEntity(), {
      event: key,
      language,
      subject: input.subject,
      text: input.text,
      html: input.html,
      updatedBy: me.id,
      updatedAt: this.clock.now(),
    });
    await this.templates.save(row);
    return this.view(key, language, row);
  }

  async reset(event: string, language: Language = DEFAULT_LANGUAGE): Promise<EmailTemplateView> {
    const key = this.event(event);
    await this.templates.remove(key, language);
    return this.view(key, language, null);
  }

  /** Whether a mail can carry a survey for this company (its portal has a public address). */
  async canAskSurvey(companyId: string): Promise<boolean> {
    return !!(await this.links.surveyUrl(companyId, 'probe'));
  }

  /**
   * The mail for an end user, in their language: the contact's own, else their company's
   * default (or the given company's, for a mail to someone who is no contact yet), else English.
   */
  async renderFor(
    event: EmailTemplateEvent,
    data: EmailTemplateData,
    to: { contact?: { language: string | null; companyId: string } | null; companyId?: string | null },
  ): Promise<EmailTemplateText> {
    return this.render(event, data, await this.languages.forContact(to.contact ?? null, to.companyId ?? null));
  }

  /** The mail for an event in a language: the admin's template if there is one, else the default. */
  async render(
    event: EmailTemplateEvent,
    data: EmailTemplateData,
    language: Language = DEFAULT_LANGUAGE,
  ): Promise<EmailTemplateText> {
    const t = (await this.templates.find(event, language)) ?? DEFAULT_EMAIL_TEMPLATES[language][event];
    const context = {
      code: '',
      device: { name: '' },
      portal: { name: '' },
      url: '',
      comment: { body: '' },
      bodyHtml: '',
      author: '',
      signature: '',
      signatureHtml: '',
      contact: { firstName: '', lastName: '', name: '' },
      original: { subject: '' },
      ...data,
      ticket: { previousStatus: '', ...(await this.statusLabels.localize(data.ticket, language)) },
    };
    const plain = (source: string) => compiledTemplate(source, false)(context);
    const rendered = {
      subject: plain(t.subject)
        .replace(/[\r\n]+/g, ' ')
        .trim(),
      text: plain(t.text),
      html: compiledTemplate(t.html, true)(context),
    };
    // The survey block in the mail's language (the question: the admin's own, or the default translated).
    const survey = data.survey ? await this.csat.render({ ...data.survey, language }) : null;
    if (survey) {
      rendered.text = `${rendered.text.replace(/\n*$/, '')}\n\n${survey.text}`;
      rendered.html = `${rendered.html}${survey.html}`;
    }
    // Appended after the admin's template, so a customised template carries the link too.
    const url = data.link ? await this.links.url(data.link.companyId, data.link.number) : null;
    if (!url) return rendered;
    return {
      ...rendered,
      text: `${rendered.text.replace(/\n*$/, '')}\n\n${PORTAL_LINK_LABEL[language]}: ${url}\n`,
      html: `${rendered.html}<p style="font-size:12px"><a href="${Handlebars.escapeExpression(url)}">${PORTAL_LINK_LABEL[language]}</a></p>`,
    };
  }

  private check(event: EmailTemplateEvent, template: string): string[] {
    const known = PLACEHOLDERS_OF[event];
    let parsed: { paths: string[]; unsupported: string[] };
    try {
      parsed = placeholdersOf(template);
    } catch (error) {
      return (
        (error as { details?: { fieldErrors?: { body?: string[] } } }).details?.fieldErrors?.body ?? ['does not parse']
      );
    }
    return [
      ...[...new Set(parsed.paths.filter((p) => !known.includes(p)))].map(
        (p) => `unknown placeholder {{${p}}}; known: ${known.join(', ')}`,
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

  private view(event: EmailTemplateEvent, language: Language, row: EmailTemplateEntity | null): EmailTemplateView {
    const t = row ?? DEFAULT_EMAIL_TEMPLATES[language][event];
    return {
      event,
      language,
      subject: t.subject,
      text: t.text,
      html: t.html,
      custom: !!row,
      placeholders: PLACEHOLDERS_OF[event],
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    };
  }
}
