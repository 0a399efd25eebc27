import { Injectable } from '@nestjs/common';

/** Where an end user sees a ticket online, or null (no portal for the company, no public address). */
export type TicketLinkResolver = (companyId: string, number: number) => Promise<string | null>;

/** Where an end user answers a satisfaction survey (no sign-in needed), or null. */
export type SurveyLinkResolver = (companyId: string, token: string) => Promise<string | null>;

/**
 * The link every ticket mail carries to the ticket in the end user's portal (#18). The portal lib
 * sits above tickets, so it fills the resolver at start; without one, mails carry no link.
 */
@Injectable()
export class TicketPortalLinks {
  private resolver: TicketLinkResolver | null = null;
  private surveys: SurveyLinkResolver | null = null;

  use(resolver: TicketLinkResolver, surveys?: SurveyLinkResolver): void {
    this.resolver = resolver;
    this.surveys = surveys ?? null;
  }

  /** The portal's survey page for a satisfaction survey's token (#18.4), or null. */
  async surveyUrl(companyId: string, token: string): Promise<string | null> {
    return this.surveys ? this.surveys(companyId, token).catch(() => null) : null;
  }

  async url(companyId: string, number: number): Promise<string | null> {
    return this.resolver ? this.resolver(companyId, number).catch(() => null) : null;
  }
}
