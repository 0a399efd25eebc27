import { Injectable } from '@nestjs/common';
import { RealtimeService } from '@switchboard/core';
import type { ContactOfferCloseReason } from '@switchboard/contracts';
import type { ConferenceEntity } from '../entities/conference.entity.js';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { OfferAnnouncer } from '../offers/offer-announcer.service.js';

/**
 * What the two agents of a conference hear: the asked agent gets the offer pop-up (the queue offer's
 * payload plus who asks), both get `conference.changed` on every move.
 */
@Injectable()
export class ConferenceAnnouncer {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly offers: OfferAnnouncer,
  ) {}

  async offered(contact: RoutingContactEntity, queueName: string, c: ConferenceEntity): Promise<void> {
    await this.offers.offered(contact, queueName, c.agentId, c.expiresAt, {
      requestedById: c.requestedById,
      requestedByName: c.requestedByName,
    });
  }

  /** The asked agent's pop-up closes (accepted, declined, expired, or withdrawn by the asking agent). */
  async closed(c: ConferenceEntity, reason: ContactOfferCloseReason): Promise<void> {
    await this.offers.closed(c.agentId, c.conversationId, reason);
  }

  changed(c: ConferenceEntity): void {
    this.realtime.toAccounts([...new Set([c.requestedById, c.agentId])], 'conference.changed', {
      conversationId: c.conversationId,
      conferenceId: c.id,
      state: c.state,
      agentId: c.agentId,
      agentName: c.agentName,
      requestedById: c.requestedById,
      requestedByName: c.requestedByName,
    });
  }
}
