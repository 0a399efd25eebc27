import { Injectable } from '@nestjs/common';
import { TechnicianDirectory, type AccountPrincipal } from '@switchboard/core';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import type { ConferenceTargetView } from '../routing.types.js';
import { ConferenceChatGuard } from './conference-chat.guard.js';

/** Whom the agent of a running queue-routed chat can ask in: Available colleagues with a free slot serving the company. */
@Injectable()
export class ConferenceTargetService {
  constructor(
    private readonly guard: ConferenceChatGuard,
    private readonly directory: TechnicianDirectory,
    private readonly states: AgentStateRepository,
  ) {}

  async list(conversationId: string, me: AccountPrincipal, q?: string): Promise<ConferenceTargetView[]> {
    const { contact } = await this.guard.heldChat(conversationId, me);
    const term = q?.trim().toLocaleLowerCase() ?? '';
    const people = (await this.directory.list({ companyId: contact.companyId })).filter(
      (a) => a.id !== me.id && (!term || a.name.toLocaleLowerCase().includes(term)),
    );
    const rows = new Map((await this.states.states(people.map((a) => a.id))).map((r) => [r.id, r]));
    return people.flatMap((a) => {
      const s = rows.get(a.id);
      // No state row yet: never Available in the contact centre, so no slot to claim either.
      if (!s || s.state !== 'available' || s.activeChats >= s.maxChats) return [];
      return [{ id: a.id, name: a.name, state: s.state, activeChats: s.activeChats, maxChats: s.maxChats }];
    });
  }
}
