import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import type { WrapUpEntity } from '../entities/wrap-up.entity.js';
import type { ReleaseNotice } from '../offers/contact-release.registry.js';
import { OfferAnnouncer } from '../offers/offer-announcer.service.js';
import { OfferDispatcher } from '../offers/offer-dispatcher.service.js';
import { WrapUpObligationService } from '../wrap-up/wrap-up-obligation.service.js';
import type { HeldContact } from './contact-transfer-check.service.js';

/** Where the contact went, as committed by the transfer's transaction. */
export type HandoverTarget =
  | { kind: 'queue'; queueId: string }
  | { kind: 'agent'; agentId: string; queueName: string; expiresAt: Date; contact: RoutingContactEntity };

/**
 * What follows a committed transfer: the transferring agent leaves (wrap-up `transferred`, which keeps
 * their slot until submitted; out of the participants), the customer is told in their language, the
 * case's release (committed with the transfer, ContactTransferService) is announced, then the contact
 * is offered to its target.
 */
@Injectable()
export class ContactHandover {
  constructor(
    private readonly obligations: WrapUpObligationService,
    private readonly conversations: ConversationService,
    private readonly dispatcher: OfferDispatcher,
    private readonly announcer: OfferAnnouncer,
  ) {}

  async complete(
    held: HeldContact,
    me: AccountPrincipal,
    target: HandoverTarget,
    released: ReleaseNotice,
  ): Promise<WrapUpEntity> {
    const c = held.contact;
    const wrapUp = await this.obligations.open({
      conversationId: c.id,
      accountId: me.id,
      queueId: c.queueId,
      companyId: c.companyId,
      cause: 'transferred',
      acceptedAt: c.leftAt,
    });
    await this.conversations.postSystemMessage(c.id, fillLine(CHAT_LINES.transferred, { name: me.name }));
    // The transfer line above says it to the customer; no second "left the chat" line.
    await this.conversations.removeParticipant(c.id, 'technician', me.id, { announce: false });
    await released();
    if (target.kind === 'queue') await this.dispatcher.requeued(c.id, target.queueId);
    else await this.announcer.offered(target.contact, target.queueName, target.agentId, target.expiresAt);
    return wrapUp;
  }
}
