import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, type AccountPrincipal } from '@switchboard/core';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import type { ConferenceView } from '../routing.types.js';
import { ConferenceChatGuard } from './conference-chat.guard.js';
import { ConferenceCloser } from './conference-closer.service.js';
import { toConferenceView } from './conference.view.js';

/**
 * End conference: the agent who has the chat (cancels a ringing request, or ends a joined one) or
 * the joined agent. The joined agent leaves and owes a wrap-up; the chat stays with its agent.
 */
@Injectable()
export class ConferenceEndService {
  constructor(
    private readonly guard: ConferenceChatGuard,
    private readonly conferences: ConferenceRepository,
    private readonly closer: ConferenceCloser,
  ) {}

  async end(conversationId: string, me: AccountPrincipal): Promise<ConferenceView> {
    const contact = await this.guard.contact(conversationId, me);
    const c = await this.conferences.findOpen(conversationId);
    const owner = contact.state === 'accepted' && contact.offeredTo === me.id;
    if (!c) {
      if (owner || (await this.conferences.latest(conversationId))?.agentId === me.id)
        throw new ConflictError('No conference of this conversation is ringing or running');
      throw new ForbiddenError('Only the agents of this conference can end it');
    }
    const joinedAgent = c.state === 'joined' && c.agentId === me.id;
    if (!owner && !joinedAgent) {
      if (c.agentId === me.id) throw new ConflictError('Decline the conference request instead');
      throw new ForbiddenError('Only the agents of this conference can end it');
    }
    const done =
      c.state === 'ringing' ? await this.closer.cancel(c) : await this.closer.finish(c, 'conference_ended', true);
    if (!done) throw new ConflictError('This conference changed meanwhile; reload and try again');
    return toConferenceView({ ...c, state: c.state === 'ringing' ? 'cancelled' : 'ended' });
  }
}
