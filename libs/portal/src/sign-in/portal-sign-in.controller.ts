import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AppConfig, DomainError, PORTAL_SESSION_COOKIE, Public } from '@switchboard/core';
import type { Request, Response } from 'express';
import {
  PortalSessionDto,
  PortalSessionRequestDto,
  PortalSignInAcceptedDto,
  PortalSignInRequestDto,
} from '../dto/portal-sign-in.dto.js';
import { portalLanguage } from './portal-sign-in.mail.js';
import { PORTAL_SESSION_TTL_SECONDS, PortalSignInService } from './portal-sign-in.service.js';

/** "My tickets" on a company's portal: ask for a link by email, then trade the link for a session. */
@ApiTags('public portal')
@Public()
@Controller('api/public/portals/:subdomain')
export class PortalSignInController {
  constructor(
    private readonly signIn: PortalSignInService,
    private readonly config: AppConfig,
  ) {}

  /** 202 whether or not the address is a contact of this company (nobody can probe who is a customer). */
  @Post('sign-in')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PortalSignInAcceptedDto })
  @ApiTooManyRequestsResponse({ description: 'Too many links asked for this address or from this client' })
  async request(
    @Param('subdomain') subdomain: string,
    @Body() dto: PortalSignInRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PortalSignInAcceptedDto> {
    const base = this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    try {
      await this.signIn.requestLink(subdomain, dto.email, {
        // req.ip honours SWITCHBOARD_TRUST_PROXY only: a client cannot pick its own address.
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        base,
        language: portalLanguage(dto.language, acceptLanguage),
      });
    } catch (error) {
      const wait = (error as DomainError).details as { retryAfterSeconds?: number } | undefined;
      if (error instanceof DomainError && wait?.retryAfterSeconds)
        res.setHeader('Retry-After', String(wait.retryAfterSeconds));
      throw error;
    }
    return { accepted: true };
  }

  @Post('session')
  @HttpCode(200)
  @ApiOkResponse({ type: PortalSessionDto })
  async session(
    @Param('subdomain') subdomain: string,
    @Body() dto: PortalSessionRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PortalSessionDto> {
    const { accessToken, expiresAt } = await this.signIn.redeem(subdomain, dto.token);
    res.cookie(PORTAL_SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      maxAge: PORTAL_SESSION_TTL_SECONDS * 1000,
      path: '/',
    });
    return { accessToken, expiresAt: expiresAt.toISOString() };
  }
}
