import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { DomainError, pickLanguage, Public } from '@switchboard/core';
import type { Request, Response } from 'express';
import { CsatAnswerDto, CsatAnsweredDto, CsatLanguageQueryDto, CsatSurveyViewDto } from './csat.dto.js';
import { CsatSurveysService } from './csat-surveys.service.js';

// req.ip honours SWITCHBOARD_TRUST_PROXY only: a client cannot pick its own address.
const clientOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** The mailed survey link (#18.4): works without signing in; the token is the only key. */
@ApiTags('public csat')
@Public()
@Controller('api/public/csat/:token')
export class CsatPublicController {
  constructor(private readonly surveys: CsatSurveysService) {}

  @Get()
  @ApiOkResponse({ type: CsatSurveyViewDto })
  @ApiNotFoundResponse({ description: 'Unknown token' })
  @ApiTooManyRequestsResponse({ description: 'Too many survey requests from this client' })
  view(
    @Param('token') token: string,
    @Query() query: CsatLanguageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CsatSurveyViewDto> {
    return withRetryAfter(res, this.surveys.view(token, query.lang ?? pickLanguage(acceptLanguage), clientOf(req)));
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CsatAnsweredDto })
  @ApiNotFoundResponse({ description: 'Unknown token' })
  @ApiConflictResponse({ description: 'Already answered (one answer per resolution)' })
  @ApiGoneResponse({ description: 'Superseded: the ticket was reopened or resolved again' })
  @ApiTooManyRequestsResponse({ description: 'Too many survey requests from this client' })
  async answer(
    @Param('token') token: string,
    @Body() dto: CsatAnswerDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CsatAnsweredDto> {
    await withRetryAfter(res, this.surveys.answer(token, dto, clientOf(req)));
    return { state: 'answered', score: dto.score };
  }
}

async function withRetryAfter<T>(res: Response, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const wait = (error as DomainError).details as { retryAfterSeconds?: number } | undefined;
    if (error instanceof DomainError && wait?.retryAfterSeconds)
      res.setHeader('Retry-After', String(wait.retryAfterSeconds));
    throw error;
  }
}
