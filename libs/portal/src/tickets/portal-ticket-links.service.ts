import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@switchboard/core';
import { TicketPortalLinks } from '@switchboard/tickets';
import { PortalRepository } from '../repositories/portal.repository.js';

/**
 * Fills the tickets lib's link resolver: a ticket mail links to `<public URL>/p/<subdomain>/tickets/<n>`
 * when the company has an active portal and SWITCHBOARD_PUBLIC_URL says where it is (a mail
 * needs an absolute address). The page asks to sign in first when there is no session.
 */
@Injectable()
export class PortalTicketLinks implements OnModuleInit {
  constructor(
    private readonly links: TicketPortalLinks,
    private readonly portals: PortalRepository,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.links.use(
      (companyId, number) => this.url(companyId, number),
      (companyId, token) => this.surveyUrl(companyId, token),
    );
  }

  async url(companyId: string, number: number): Promise<string | null> {
    const base = await this.portalBase(companyId);
    return base ? `${base}/tickets/${number}` : null;
  }

  /** The survey page of a resolution mail (#18.4): no sign-in, the token is the key. */
  async surveyUrl(companyId: string, token: string): Promise<string | null> {
    const base = await this.portalBase(companyId);
    return base ? `${base}/csat?token=${encodeURIComponent(token)}` : null;
  }

  private async portalBase(companyId: string): Promise<string | null> {
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    if (!base) return null;
    const portal = await this.portals.findByCompany(companyId);
    return portal?.status === 'active' ? `${base}/p/${portal.subdomain}` : null;
  }
}
