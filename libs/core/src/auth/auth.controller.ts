import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { AccountService } from '../identity/account.service.js';
import { CurrentAccount } from '../access/current-account.decorator.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { INVALID_CREDENTIALS } from './local.strategy.js';
import { LoginDto, LoginResponseDto } from './login.dto.js';
import type { AccountPrincipal } from '../access/principal.js';
import { Public } from '../access/public.decorator.js';
import { SessionTokenService } from './session-token.service.js';
import { SessionRevocation } from './session-revocation.service.js';
import { extractAccountToken, SESSION_COOKIE } from './token-extractor.js';
import { UnauthorizedError } from '../errors/unauthorized.error.js';
import { Unmasked } from '../access/unmasked.decorator.js';
import { AccountViewDto } from '../identity/dto/account-view.dto.js';

@ApiTags('auth')
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly tokens: SessionTokenService,
    private readonly accounts: AccountService,
    private readonly config: AppConfig,
    private readonly sessions: SessionRevocation,
  ) {}

  /** Rate-limited per client address; throttling runs before the password check. */
  @Public()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Invalid email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts' })
  async login(
    @Req() req: { user: { accountId: string } },
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const accessToken = await this.tokens.startAccountSession(req.user.accountId);
    if (!accessToken) throw new UnauthorizedError(INVALID_CREDENTIALS); // deactivated meanwhile
    res.cookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      maxAge: this.config.sessionTtlSeconds * 1000,
      path: '/',
    });
    return { accessToken };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    // Ends the session server-side (its token and its open sockets), not only the browser's cookie.
    await this.sessions.endSession(extractAccountToken(req.headers, req.cookies as Record<string, string> | undefined));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: AccountViewDto })
  me(@CurrentAccount() me: AccountPrincipal): Promise<AccountViewDto> {
    return this.accounts.get(me.id);
  }
}
