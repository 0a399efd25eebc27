import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount, DbIntegerPipe, Unmasked } from '@switchboard/core';
import { TicketRevealService } from '../services/ticket-reveal.service.js';

/** Reveal masked PII (display mode): `pii.reveal` holders only (403 otherwise), audited in the activity log. */
@ApiTags('tickets')
@ApiBearerAuth()
@Unmasked()
@Controller('api/tickets/:number')
export class TicketRevealController {
  constructor(private readonly reveals: TicketRevealService) {}

  /** `{ id, ticketNumber, body }` with the body as stored. */
  @Post('comments/:id/reveal')
  @HttpCode(200)
  comment(
    @Param('number', DbIntegerPipe) number: number,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.reveals.comment(number, id, me);
  }

  /** `{ number, title, description }` as stored. */
  @Post('reveal')
  @HttpCode(200)
  ticket(@Param('number', DbIntegerPipe) number: number, @CurrentAccount() me: AccountPrincipal) {
    return this.reveals.ticket(number, me);
  }
}
