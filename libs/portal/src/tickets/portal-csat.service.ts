import { Injectable } from '@nestjs/common';
import { CsatSurveysService, EndUserTicketsService, type CsatAnswer } from '@switchboard/tickets';
import type { PortalContact } from '../sign-in/portal-contact.decorator.js';

/** A signed-in contact answers the satisfaction question of their own ticket (another's is a 404). */
@Injectable()
export class PortalCsatService {
  constructor(
    private readonly tickets: EndUserTicketsService,
    private readonly surveys: CsatSurveysService,
  ) {}

  async answer(who: PortalContact, number: number, answer: CsatAnswer): Promise<void> {
    const ticket = await this.tickets.find(number, who);
    await this.surveys.answerForTicket(ticket.id, who.contactId, answer);
  }
}
