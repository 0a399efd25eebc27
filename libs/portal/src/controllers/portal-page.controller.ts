import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig, Public } from '@switchboard/core';
import type { Response } from 'express';

/**
 * `/p/<subdomain>`: the customer portal page, its own small bundle (portal.html), never the
 * technician app. The page asks the public API which view to show, so unknown or inactive
 * portals get their message from there.
 */
@ApiExcludeController()
@Public()
@Controller('p')
export class PortalPageController {
  constructor(private readonly config: AppConfig) {}

  @Get([':subdomain', ':subdomain/'])
  page(@Res() res: Response) {
    const file = this.config.webDir ? join(this.config.webDir, 'portal.html') : null;
    if (!file || !existsSync(file)) throw new NotFoundException('The portal page is not built (npm run build:web)');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  }
}
