import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@switchboard/core';
import type { Response } from 'express';
import { EmbedScriptService } from '../services/embed-script.service.js';
import { PortalService } from '../services/portal.service.js';

/** `<script src="/p/<subdomain>/embed.js">`: the widget that puts the portal in an isolated iframe. */
@ApiExcludeController()
@Public()
@Controller('p/:subdomain')
export class EmbedScriptController {
  constructor(
    private readonly portals: PortalService,
    private readonly script: EmbedScriptService,
  ) {}

  @Get('embed.js')
  async embed(@Param('subdomain') subdomain: string, @Res() res: Response) {
    const portal = await this.portals.bySubdomain(subdomain);
    res
      .status(200)
      .type('application/javascript; charset=utf-8')
      .set('Cache-Control', 'public, max-age=300')
      .set('Access-Control-Allow-Origin', '*')
      .send(this.script.scriptFor(portal.subdomain, this.portals.isOpen(portal) ? (portal.proactive ?? null) : null));
  }
}
