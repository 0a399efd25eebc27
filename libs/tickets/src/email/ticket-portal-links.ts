import { Injectable } from '@nestjs/common';

/** Where an end user sees a ticket online, or null (no portal for the company, no public address). */
export type TicketLinkResolver = (companyId: string, number: number) => Promise<string | null>;

/**
 * The link every ticket mail carries to the ticket in the end user's portal (#18). The portal lib
 * sits above tickets, so it fills the resolver at start; without one, mails carry no link.
 */
@Injectable()
export class TicketPortalLinks {
  private resolver: TicketLinkResolver | null = null;

  use(resolver: TicketLinkResolver): void {
    this.resolver = resolver;
  }

  async url(companyId: string, number: number): Promise<string | null> {
    return this.resolver ? this.resolver(companyId, number).catch(() => null) : null;
  }
}
