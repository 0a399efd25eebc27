import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  DomainError,
  TransactionRunner,
  ValidationFailedError,
  type AccountPrincipal,
  type Tx,
} from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { ContactReleaseRegistry } from '../offers/contact-release.registry.js';
import { ROUTING_MAX_WAIT_TIMER, ROUTING_OFFER_TIMER } from '../offers/routing-timers.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import type { ContactTransferView } from '../routing.types.js';
import { toWrapUpView } from '../wrap-up/wrap-up.view.js';
import { ContactHandover } from './contact-handover.service.js';
import { ContactTransferCheck, type HeldContact } from './contact-transfer-check.service.js';

export interface TransferInput {
  queueId?: string;
  accountId?: string;
}

/**
 * The accepting agent hands the contact on, to a queue or to one agent. The move out of `accepted`
 * (guarded by state and agent), the target's slot claim (agent) and the new deadlines are ONE
 * transaction: two tabs or two instances transferring at once, or a transfer racing the last slot of
 * the target, leave exactly one outcome. The case's release (back to Unassigned, ContactReleaseRegistry)
 * is in that transaction too: once the contact is committed waiting, any instance may offer it and the
 * accept assigns the case, which must no longer be the transferring agent's (409 otherwise). Its
 * case.updated is announced after the commit (ContactHandover). Nothing is kept in memory.
 */
@Injectable()
export class ContactTransferService {
  constructor(
    private readonly check: ContactTransferCheck,
    private readonly contacts: RoutingContactRepository,
    private readonly states: AgentStateRepository,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly handover: ContactHandover,
    private readonly release: ContactReleaseRegistry,
    private readonly clock: Clock,
  ) {}

  async transfer(conversationId: string, input: TransferInput, me: AccountPrincipal): Promise<ContactTransferView> {
    if (!input.queueId === !input.accountId) {
      const rule = 'give exactly one of queueId (transfer to a queue) or accountId (transfer to an agent)';
      throw new ValidationFailedError(`Give exactly one of queueId or accountId`, {
        queueId: [rule],
        accountId: [rule],
      });
    }
    const held = await this.check.held(conversationId, me);
    return input.queueId ? this.toQueue(held, input.queueId, me) : this.toAgent(held, input.accountId!, me);
  }

  private async toQueue(held: HeldContact, queueId: string, me: AccountPrincipal): Promise<ContactTransferView> {
    const queue = await this.check.targetQueue(held, queueId);
    const now = this.clock.now();
    const released = await this.tx.run(async (tx) => {
      // arrivedAt is kept: the customer does not go to the back of the line.
      await this.moveOrFail(held, { state: 'waiting', queueId: queue.id, offeredTo: null, offerExpiresAt: null }, tx);
      await this.timers.schedule(ROUTING_MAX_WAIT_TIMER, held.contact.id, after(now, queue.maxWaitSeconds), {}, tx);
      // The case back to Unassigned in this transaction; its case.updated after the commit (the handover).
      return this.release.released(held.contact.id, me, tx);
    });
    const wrapUp = await this.handover.complete(held, me, { kind: 'queue', queueId: queue.id }, released);
    return {
      conversationId: held.contact.id,
      target: { kind: 'queue', id: queue.id, name: queue.name },
      wrapUp: toWrapUpView(wrapUp),
    };
  }

  private async toAgent(held: HeldContact, accountId: string, me: AccountPrincipal): Promise<ContactTransferView> {
    const agent = await this.check.targetAgent(held, accountId);
    const now = this.clock.now();
    const expiresAt = after(now, held.queue.offerTimeoutSeconds);
    const set = {
      state: 'offered' as const,
      queueId: held.contact.queueId,
      offeredTo: agent.id,
      offerExpiresAt: expiresAt,
    };
    const released = await this.tx.run(async (tx) => {
      // The contact's row first, then the agent's (the order a conference request locks them in).
      await this.moveOrFail(held, { ...set, transferToId: agent.id }, tx);
      if (!(await this.states.claimSlot(agent.id, tx)))
        throw new DomainError(
          'ROUTING_AGENT_UNAVAILABLE',
          `${agent.name} just took another chat: pick another agent`,
          409,
        );
      // The offer rings out like any other (RONA), and the contact still has a maximum wait if it comes back.
      await this.timers.schedule(ROUTING_OFFER_TIMER, held.contact.id, expiresAt, { agentId: agent.id }, tx);
      await this.timers.schedule(
        ROUTING_MAX_WAIT_TIMER,
        held.contact.id,
        after(now, held.queue.maxWaitSeconds),
        {},
        tx,
      );
      return this.release.released(held.contact.id, me, tx);
    });
    const contact: RoutingContactEntity = {
      ...held.contact,
      ...set,
      triedIds: [me.id],
      transferFromId: me.id,
      transferToId: agent.id,
      leftAt: null,
    };
    const wrapUp = await this.handover.complete(
      held,
      me,
      { kind: 'agent', agentId: agent.id, queueName: held.queue.name, expiresAt, contact },
      released,
    );
    return {
      conversationId: contact.id,
      target: { kind: 'agent', id: agent.id, name: agent.name },
      wrapUp: toWrapUpView(wrapUp),
    };
  }

  /** Out of `accepted` by me, or a 409 (ended, or transferred by another tab meanwhile): the transaction rolls back. */
  private async moveOrFail(
    held: HeldContact,
    set: Pick<RoutingContactEntity, 'state' | 'queueId' | 'offeredTo' | 'offerExpiresAt'> & { transferToId?: string },
    tx: Tx,
  ): Promise<void> {
    const me = held.contact.offeredTo;
    const moved = await this.contacts.handOver(
      held.contact.id,
      me,
      { ...set, triedIds: [me], transferFromId: me, transferToId: set.transferToId ?? null, leftAt: null },
      tx,
    );
    if (!moved) throw new ConflictError('This conversation changed meanwhile (ended or transferred): reload it');
    await this.check.assertNoConference(held.contact.id, tx);
  }
}

const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);
