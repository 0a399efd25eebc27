import { Injectable } from '@nestjs/common';
import { TechnicianDirectory, type AccountPrincipal } from '@switchboard/core';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import type { TransferTargetsView } from '../routing.types.js';
import { ContactTransferCheck } from './contact-transfer-check.service.js';

/**
 * The Transfer dialog's lists, for the accepting agent only: queues that take the contact's company
 * (with how many wait there), agents who serve it and are Available with a free slot (not me), both
 * filtered by `q` (case-insensitive, anywhere in the name) and sorted by name. Read at each call.
 */
@Injectable()
export class TransferTargetsService {
  constructor(
    private readonly check: ContactTransferCheck,
    private readonly queues: QueueRepository,
    private readonly contacts: RoutingContactRepository,
    private readonly directory: TechnicianDirectory,
    private readonly states: AgentStateRepository,
  ) {}

  async list(conversationId: string, me: AccountPrincipal, q = ''): Promise<TransferTargetsView> {
    const { contact } = await this.check.held(conversationId, me);
    const term = q.trim().toLocaleLowerCase();
    const matches = (name: string) => !term || name.toLocaleLowerCase().includes(term);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

    const queues = (await this.queues.list()).filter(
      (x) => x.companyIds.includes(contact.companyId) && matches(x.name),
    );
    const waiting = await this.contacts.queuedCounts(queues.map((x) => x.id));
    const people = (await this.directory.list({ companyId: contact.companyId })).filter(
      (a) => a.id !== me.id && matches(a.name),
    );
    const rows = new Map((await this.states.states(people.map((a) => a.id))).map((s) => [s.id, s]));
    const agents = people.flatMap((a) => {
      const s = rows.get(a.id);
      if (s?.state !== 'available' || s.activeChats >= s.maxChats) return [];
      return [{ id: a.id, name: a.name, state: s.state, activeChats: s.activeChats, maxChats: s.maxChats }];
    });
    return {
      queues: queues.map((x) => ({ id: x.id, name: x.name, waiting: waiting.get(x.id) ?? 0 })).sort(byName),
      agents: agents.sort(byName),
    };
  }
}
