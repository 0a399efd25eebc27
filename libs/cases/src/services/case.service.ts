import { Injectable, Logger } from '@nestjs/common';
import {
  AccessPolicy,
  Clock,
  ConflictError,
  ContactService,
  DomainError,
  ForbiddenError,
  NotFoundError,
  type AccountPrincipal,
} from '@switchboard/core';
import { ConversationService, type MessageView } from '@switchboard/chat';
import type { CaseView } from '../case.views.js';
import type { CaseEntity } from '../entities/case.entity.js';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseNotifier } from './case-notifier.service.js';
import { CaseSeenService } from './case-seen.service.js';
import { CaseViewBuilder } from './case-views.service.js';

export type CaseListView = 'unassigned' | 'mine' | 'all';

/** The dashboard's actions. Every state change is a guarded UPDATE (see CaseRepository.transition). */
@Injectable()
export class CaseService {
  private readonly logger = new Logger('Cases');

  constructor(
    private readonly cases: CaseRepository,
    private readonly views: CaseViewBuilder,
    private readonly notifier: CaseNotifier,
    private readonly seen: CaseSeenService,
    private readonly conversations: ConversationService,
    private readonly contacts: ContactService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async list(view: CaseListView, me: AccountPrincipal, page: { limit?: number; cursor?: string }) {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
    const result = await this.cases.list({
      view,
      accountId: me.id,
      companyIds: this.access.companyFilter(me),
      limit,
      cursor: page.cursor,
    });
    return {
      items: await this.views.many(result.items),
      nextCursor: result.nextCursor,
      unseen: await this.seen.unseen(me),
    };
  }

  async get(id: string, me: AccountPrincipal): Promise<CaseView> {
    return this.views.one(await this.load(id, me));
  }

  async messages(id: string, me: AccountPrincipal, afterSeq = 0): Promise<MessageView[]> {
    await this.load(id, me);
    return this.conversations.listMessages(id, afterSeq);
  }

  /** Exactly one of two simultaneous "Assign to me" wins; the other gets a 409 naming the winner. */
  async assign(id: string, me: AccountPrincipal): Promise<CaseView> {
    const c = await this.load(id, me);
    const now = this.clock.now();
    const joinsChat = c.type === 'live_chat' && c.chatStatus !== 'ended';
    const won = await this.cases.transition(id, 'unassigned', {
      status: 'assigned',
      assigneeId: me.id,
      assigneeName: me.name,
      assignedAt: now,
      updatedAt: now,
      // The chat turns active with the assignment (one UPDATE; it did whether the join below worked or not).
      ...(joinsChat ? { chatStatus: 'active' as const } : {}),
    });
    if (!won) {
      const current = await this.load(id, me);
      if (current.status === 'assigned' && current.assigneeId !== me.id) {
        throw new DomainError(
          'CASE_ALREADY_ASSIGNED',
          `This case was just assigned to ${current.assigneeName ?? 'another technician'}`,
          409,
        );
      }
      if (current.assigneeId === me.id && current.status === 'assigned') return this.views.one(current);
      throw new ConflictError(`Only an unassigned case can be assigned (this one is ${current.status})`);
    }
    const changes = ['status', 'assignee'];
    if (joinsChat) {
      // The visitor sees "<name> joined the chat"; the owner joining voids the waiting timers (same transaction).
      await this.conversations
        .addParticipant(id, { kind: 'technician', refId: me.id, name: me.name, role: 'owner' })
        .catch((e) => this.logger.warn(e.message));
      changes.push('chatStatus');
    }
    return this.publish(id, changes);
  }

  async resolve(id: string, me: AccountPrincipal): Promise<CaseView> {
    const c = await this.load(id, me);
    const now = this.clock.now();
    if (!(await this.cases.transition(id, 'assigned', { status: 'resolved', resolvedAt: now, updatedAt: now }))) {
      throw new ConflictError(`Only an assigned case can be resolved (this one is ${c.status})`);
    }
    if (c.chatStatus !== 'ended') {
      await this.conversations.end(id, {
        reason: 'resolved',
        by: { kind: 'technician', id: me.id, name: me.name },
        text: `${me.name} closed the chat`,
      });
    }
    return this.publish(id, ['status']);
  }

  async reopen(id: string, me: AccountPrincipal): Promise<CaseView> {
    const c = await this.load(id, me);
    const now = this.clock.now();
    if (
      !(await this.cases.transition(id, 'resolved', {
        status: 'assigned',
        assigneeId: me.id,
        assigneeName: me.name,
        resolvedAt: null,
        updatedAt: now,
      }))
    ) {
      throw new ConflictError(`Only a resolved case can be reopened (this one is ${c.status})`);
    }
    return this.publish(id, ['status', 'assignee']);
  }

  /**
   * Back to the Unassigned list (from Assigned or Resolved). An assigned case only by its assignee
   * or an admin; never while its live chat runs (the visitor would be left with nobody: leave the
   * chat first). Guarded like the other transitions, so a concurrent change gets a 409.
   */
  async unassign(id: string, me: AccountPrincipal): Promise<CaseView> {
    const c = await this.load(id, me);
    if (c.status === 'unassigned') throw new ConflictError('This case is already unassigned');
    if (c.status === 'assigned' && c.assigneeId !== me.id && me.role !== 'admin')
      throw new ForbiddenError('Only the assigned technician or an admin can unassign this case');
    if (c.type === 'live_chat' && c.chatStatus !== 'ended')
      throw new DomainError('CASE_CHAT_RUNNING', 'Leave or end the chat before unassigning the case', 409);
    const won = await this.cases.transition(id, c.status, {
      status: 'unassigned',
      assigneeId: null,
      assigneeName: null,
      assignedAt: null,
      resolvedAt: null,
      updatedAt: this.clock.now(),
    });
    if (!won) throw new ConflictError('This case changed meanwhile; reload it and try again');
    return this.publish(id, ['status', 'assignee']);
  }

  /** The assignee leaves a live chat: the visitor is told and the chat ends. */
  async leave(id: string, me: AccountPrincipal): Promise<CaseView> {
    const c = await this.load(id, me);
    if (c.type !== 'live_chat' || c.chatStatus === 'ended') throw new ConflictError('This chat is not running');
    if (c.assigneeId !== me.id) throw new ForbiddenError('Only the assigned technician can leave this chat');
    await this.conversations.removeParticipant(id, 'technician', me.id);
    await this.conversations.end(id, {
      reason: 'technician_left',
      by: { kind: 'technician', id: me.id, name: me.name },
    });
    return this.get(id, me);
  }

  async send(id: string, me: AccountPrincipal, input: { clientId: string; body: string }, maxLength: number) {
    await this.load(id, me);
    if (!(await this.conversations.isActiveParticipant(id, 'technician', me.id)))
      throw new ForbiddenError('Assign the case to yourself to chat');
    return this.conversations.postMessage({
      conversationId: id,
      author: { kind: 'technician', id: me.id, name: me.name },
      body: input.body,
      clientId: input.clientId,
      maxLength,
    });
  }

  async linkTicket(id: string, ticket: { id: string; number: number }): Promise<void> {
    await this.cases.patch(id, { ticketId: ticket.id, ticketNumber: ticket.number, updatedAt: this.clock.now() });
    await this.conversations.linkTicket(id, ticket.id);
    await this.publish(id, ['ticket']);
  }

  /**
   * Erase the case: conversation, messages, participants, timers, the case row, and the contact
   * when this submission created it and nothing else refers to it (other cases, tickets).
   */
  async remove(id: string, me: AccountPrincipal): Promise<void> {
    const c = await this.load(id, me);
    if (c.chatStatus !== 'ended')
      throw new DomainError('CASE_CHAT_NOT_ENDED', 'End the chat before deleting the case', 409);
    await this.conversations.purge(id);
    await this.cases.deleteById(id);
    if (c.contactId && c.contactCreated && !c.ticketId && (await this.cases.countByContact(c.contactId, id)) === 0) {
      // A ticket or another conversation may still point at the contact (FK or not): then it stays.
      await this.contacts.remove(c.contactId).catch((e) => this.logger.warn(`contact kept: ${(e as Error).message}`));
    }
    await this.notifier.deleted(id, c.companyId);
  }

  async load(id: string, me: AccountPrincipal): Promise<CaseEntity> {
    const c = await this.cases.findById(id);
    if (!c || !this.access.canAccessCompany(me, c.companyId)) throw new NotFoundError('Case', id);
    return c;
  }

  private async publish(id: string, changes: string[]): Promise<CaseView> {
    const view = await this.views.one((await this.cases.findById(id))!);
    await this.notifier.updated(view, changes);
    return view;
  }
}
