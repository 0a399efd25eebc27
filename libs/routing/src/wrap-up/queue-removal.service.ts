import { Injectable } from '@nestjs/common';
import { RealtimeService, type AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { ContactExitService } from '../offers/contact-exit.service.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { QueueService } from '../services/queue.service.js';

/**
 * An admin deletes a queue. Contacts still waiting or ringing overflow to support requests (the
 * visitor is told, never left hanging); agents in a running chat of the queue get an alert and can
 * only end it (the composer refuses their messages, see QueueComposerRule).
 */
@Injectable()
export class QueueRemovalService {
  constructor(
    private readonly queues: QueueService,
    private readonly contacts: RoutingContactRepository,
    private readonly exits: ContactExitService,
    private readonly conversations: ConversationService,
    private readonly realtime: RealtimeService,
  ) {}

  async remove(id: string, viewer: AccountPrincipal): Promise<void> {
    const queue = await this.queues.get(id, viewer);
    // Gone first, so nothing new is offered from it while its contacts leave.
    await this.queues.remove(id, viewer);
    for (const c of await this.contacts.ofQueue(id, ['waiting', 'offered'])) await this.exits.overflow(c.id);
    for (const c of await this.contacts.ofQueue(id, ['accepted'])) {
      if (!c.offeredTo) continue;
      const conversation = await this.conversations.get(c.id).catch(() => null);
      if (conversation?.status !== 'active' && conversation?.status !== 'waiting') continue;
      this.realtime.toAccount(c.offeredTo, 'contact.resource_deleted', {
        conversationId: c.id,
        companyId: c.companyId,
        resource: 'queue',
        name: queue.name,
      });
    }
  }
}
