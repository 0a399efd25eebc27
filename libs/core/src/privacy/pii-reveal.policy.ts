import { Injectable, Logger } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { ForbiddenError } from '../errors/forbidden.error.js';

export const PII_REVEAL = 'pii.reveal';

export interface RevealTarget {
  /** What was revealed, e.g. `ticket.comment`, `ticket`, later `conversation.message`. */
  kind: string;
  id: string;
  /** null: not one company's data (e.g. an outbox mail). */
  companyId: string | null;
  fields: string[];
}

/**
 * Who may see masked text in clear, and the audit line every reveal leaves in the logs (never the
 * value). Features add their own reveal endpoint (marked @Unmasked()) that calls `authorize`
 * first and then writes the reveal to their activity log: tickets do, conversations will.
 */
@Injectable()
export class PiiRevealPolicy {
  private readonly logger = new Logger('PiiReveal');

  canReveal(me: AccountPrincipal): boolean {
    return me.role === 'admin' || (me.permissions ?? []).includes(PII_REVEAL);
  }

  authorize(me: AccountPrincipal, target: RevealTarget): void {
    if (!this.canReveal(me)) throw new ForbiddenError(`Revealing masked data needs the ${PII_REVEAL} permission`);
    this.logger.log({ accountId: me.id, ...target }, 'pii.revealed');
  }
}
