import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  ConflictError,
  ForbiddenError,
  inReadScope,
  NotFoundError,
  type AccountPrincipal,
} from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';
import type { WrapUpView } from '../routing.types.js';
import { toWrapUpView } from './wrap-up.view.js';

/**
 * The agent's End on an accepted queue-routed chat: the customer is told "<agent> ended the chat",
 * the chat ends, and the agent's wrap-up opens (WrapUpDueListener, awaited in the end's publish).
 */
@Injectable()
export class ConversationEndService {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly wrapUps: WrapUpRepository,
    private readonly conversations: ConversationService,
    private readonly access: AccessPolicy,
  ) {}

  /** In a read scope: the end's listeners (wrap-up, queue exit) read the routing contact read here (RoutingContactRepository). */
  end(conversationId: string, me: AccountPrincipal): Promise<{ conversationId: string; wrapUp: WrapUpView }> {
    return inReadScope(() => this.endNow(conversationId, me));
  }

  private async endNow(
    conversationId: string,
    me: AccountPrincipal,
  ): Promise<{ conversationId: string; wrapUp: WrapUpView }> {
    const c = await this.contacts.findById(conversationId);
    if (!c || !this.access.canAccessCompany(me, c.companyId))
      throw new NotFoundError('Queue-routed conversation', conversationId);
    if (c.state !== 'accepted')
      throw new ConflictError(`Only an accepted conversation can be ended (this one is ${c.state})`);
    if (c.offeredTo !== me.id) throw new ForbiddenError('Only the agent who accepted this conversation can end it');
    await this.conversations.end(conversationId, {
      reason: 'agent_ended',
      by: { kind: 'technician', id: me.id, name: me.name },
      text: fillLine(CHAT_LINES.endedBy, { name: me.name }),
    });
    // Ended now or before (the customer's End crossed this one): the open wrap-up is the answer.
    const open = await this.wrapUps.findOpen(conversationId, me.id);
    if (!open) throw new ConflictError('This conversation has already ended and been wrapped up');
    return { conversationId, wrapUp: toWrapUpView(open) };
  }
}
