import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, AiProviderRegistry, CurrentAccount, DbIntegerPipe, DomainError } from '@switchboard/core';
import type { Response } from 'express';
import { ComposeRequestDto } from './compose-request.dto.js';
import { AiCapabilitiesDto, ComposeResultDto } from './compose-result.dto.js';
import { ComposeService } from './compose.service.js';

/** Compose with AI on a ticket's reply box (#17). Drafts only: the technician sends. */
@ApiTags('ai')
@ApiBearerAuth()
@Controller('api')
export class ComposeController {
  constructor(
    private readonly compose: ComposeService,
    private readonly providers: AiProviderRegistry,
  ) {}

  /** What the reply box and the ticket page offer. */
  @Get('ai/capabilities')
  @ApiOkResponse({ type: AiCapabilitiesDto })
  capabilities(): AiCapabilitiesDto {
    return { compose: this.providers.composeProvider !== null, sentiment: this.providers.sentimentProvider !== null };
  }

  @Post('tickets/:number/compose')
  @HttpCode(200)
  @ApiOkResponse({ type: ComposeResultDto })
  async draft(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: ComposeRequestDto,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<ComposeResultDto> {
    const run = await this.compose.prepare(number, dto, me);
    return { text: await run.run() };
  }

  /**
   * The same, streamed as server-sent events: `delta` {text} pieces, then `done` {text} (the whole
   * draft) or `error` {error, message, statusCode}. Refusals (400/403/404/409/429) come before the
   * stream, as plain JSON errors. Closing the request cancels the provider call.
   */
  @Post('tickets/:number/compose/stream')
  @ApiProduces('text/event-stream')
  async stream(
    @Param('number', DbIntegerPipe) number: number,
    @Body() dto: ComposeRequestDto,
    @CurrentAccount() me: AccountPrincipal,
    @Res() res: Response,
  ): Promise<void> {
    const run = await this.compose.prepare(number, dto, me);
    const cancel = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) cancel.abort();
    });
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache, no-transform');
    res.setHeader('x-accel-buffering', 'no'); // nginx: do not buffer the stream
    res.flushHeaders();
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    try {
      const text = await run.run({ signal: cancel.signal, onDelta: (piece) => send('delta', { text: piece }) });
      send('done', { text });
    } catch (error) {
      const e =
        error instanceof DomainError
          ? error
          : new DomainError('AI_PROVIDER_UNAVAILABLE', 'The AI provider failed', 502);
      if (!cancel.signal.aborted) send('error', { error: e.code, message: e.message, statusCode: e.status });
    }
    res.end();
  }
}
