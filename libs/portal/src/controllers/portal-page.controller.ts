import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, NotFoundException, OnModuleInit, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig, Public, WebPages } from '@switchboard/core';
import type { Response } from 'express';

/**
 * `/p/<subdomain>`: the customer portal page, its own small bundle (portal.html), never the
 * technician app. The page asks the public API which view to show, so unknown or inactive
 * portals get their message from there.
 */
@ApiExcludeController()
@Public()
@Controller('p')
export class PortalPageController implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly pages: WebPages,
  ) {}

  /** `https://<subdomain>.<SWITCHBOARD_PORTAL_BASE_DOMAIN>/` is the portal too (the page reads the label). */
  onModuleInit(): void {
    const base = this.config.portalBaseDomain;
    if (!base) return;
    const suffix = `.${base}`;
    this.pages.add(({ path, hostname }) => {
      const host = hostname.toLowerCase();
      if (path !== '/' || !host.endsWith(suffix)) return null;
      return /^[a-z0-9-]+$/.test(host.slice(0, -suffix.length)) ? 'portal.html' : null;
    });
  }

  // The page's own routes too (the mailed sign-in link, a ticket's link, the survey): the page reads the path.
  @Get([
    ':subdomain',
    ':subdomain/',
    ':subdomain/sign-in',
    ':subdomain/tickets',
    ':subdomain/tickets/:number',
    ':subdomain/new',
    ':subdomain/csat',
  ])
  page(@Res() res: Response) {
    const file = this.config.webDir ? join(this.config.webDir, 'portal.html') : null;
    if (!file || !existsSync(file)) throw new NotFoundException('The portal page is not built (npm run build:web)');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  }
}
