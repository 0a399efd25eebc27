import { Injectable } from '@nestjs/common';
import { AccessPolicy, NotFoundError, type AccountPrincipal } from '@switchboard/core';
import { toConferenceView } from '../conference/conference.view.js';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';
import type { ConversationRoutingView } from '../routing.types.js';
import { toWrapUpView } from './wrap-up.view.js';

/** What the agent's screen shows of a queue-routed conversation: its queue (or that it was deleted), who has it, the viewer's wrap-up. */
@Injectable()
export class ConversationRoutingService {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly wrapUps: WrapUpRepository,
    private readonly access: AccessPolicy,
    private readonly conferences: ConferenceRepository,
  ) {}

  async get(conversationId: string, me: AccountPrincipal): Promise<ConversationRoutingView> {
    const c = await this.contacts.findById(conversationId);
    if (!c || !this.access.canAccessCompany(me, c.companyId))
      throw new NotFoundError('Queue-routed conversation', conversationId);
    const [queue, wrapUp, conference] = await Promise.all([
      this.queues.findById(c.queueId),
      this.wrapUps.findOpen(conversationId, me.id),
      this.conferences.findOpen(conversationId),
    ]);
    return {
      conversationId,
      queueId: c.queueId,
      queueName: queue?.name ?? null,
      queueDeleted: !queue,
      state: c.state,
      agentId: c.offeredTo,
      wrapUp: wrapUp ? toWrapUpView(wrapUp) : null,
      conference: conference ? toConferenceView(conference) : null,
    };
  }
}
