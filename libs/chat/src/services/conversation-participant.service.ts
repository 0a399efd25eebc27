import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError, newId } from '@switchboard/core';
import type { ParticipantKind, ParticipantRole, ParticipantView } from '../chat.types.js';
import { ParticipantEntity } from '../entities/participant.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { ConversationMessageService } from './conversation-message.service.js';
import { ConversationTimers } from './conversation-timers.service.js';
import { toParticipantView } from './conversation-views.js';
import { ParticipantCache } from './participant-cache.js';
import { CHAT_LINES, fillLine } from '@switchboard/contracts';

export interface ParticipantInput {
  kind: ParticipantKind;
  refId: string;
  name: string;
  role?: ParticipantRole;
}

/** A participant row as a conversation's start or a join writes it. */
export function participantRow(conversationId: string, p: ParticipantInput, at: Date): ParticipantEntity {
  return Object.assign(new ParticipantEntity(), {
    id: newId(),
    conversationId,
    kind: p.kind,
    refId: p.refId,
    name: p.name.slice(0, 200),
    role: p.role ?? 'owner',
    joinedAt: at,
    leftAt: null,
  });
}

/**
 * Who is in a conversation: joining (an owner technician turns a waiting one active and voids its
 * waiting timers), leaving, the cached hot-path check.
 */
@Injectable()
export class ConversationParticipantService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly participants: ParticipantRepository,
    private readonly cache: ParticipantCache,
    private readonly messages: ConversationMessageService,
    private readonly fanout: ConversationFanout,
    private readonly timers: ConversationTimers,
    private readonly clock: Clock,
  ) {}

  async list(conversationId: string): Promise<ParticipantView[]> {
    return (await this.participants.list(conversationId)).map(toParticipantView);
  }

  /** Cached (short TTL) so the hot send path does not query participants per message. */
  isActive(conversationId: string, kind: ParticipantKind, refId: string): Promise<boolean> {
    return this.cache.get(conversationId, kind, refId);
  }

  /** Adds (or brings back) a participant. An owner technician turns a waiting conversation active. */
  async add(
    conversationId: string,
    input: ParticipantInput,
    options: { announce?: boolean } = {},
  ): Promise<ParticipantView> {
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation) throw new NotFoundError('Conversation', conversationId);
    if (conversation.status === 'ended') throw new ConflictError('This conversation has ended');
    const now = this.clock.now();
    let row = await this.participants.find(conversationId, input.kind, input.refId);
    if (row) {
      Object.assign(row, { leftAt: null, joinedAt: now, name: input.name, role: input.role ?? row.role });
      await this.participants.save(row);
    } else {
      // A plain INSERT (every column is set): `save` would re-read the new id and wrap it in a transaction.
      row = participantRow(conversationId, input, now);
      await this.participants.insertWithoutReload(row);
    }
    this.cache.forget(conversationId, input.kind, input.refId);
    if (input.kind === 'technician' && row.role === 'owner') {
      // Taken: the waiting timers (portal offer, abandon) are void, in the status change's transaction.
      await this.conversations.runInTransaction(async (tx) => {
        if (await this.conversations.transition(conversationId, ['waiting'], { status: 'active' }, tx))
          await this.timers.cancelAll(conversationId, tx);
      });
    }
    const view = toParticipantView(row);
    const line = fillLine(CHAT_LINES.joined, { name: input.name });
    const posted = options.announce !== false ? await this.messages.postSystemMessage(conversationId, line) : null;
    const text = posted?.body ?? line.en;
    this.fanout.emit(conversation.channel, conversationId, 'conversation.participant', {
      conversationId,
      change: 'joined',
      participant: view,
      text,
    });
    return view;
  }

  async remove(
    conversationId: string,
    kind: ParticipantKind,
    refId: string,
    options: { announce?: boolean } = {},
  ): Promise<void> {
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation) throw new NotFoundError('Conversation', conversationId);
    const row = await this.participants.find(conversationId, kind, refId);
    if (!row || row.leftAt) return;
    row.leftAt = this.clock.now();
    await this.participants.save(row);
    this.cache.forget(conversationId, kind, refId);
    const line = fillLine(CHAT_LINES.left, { name: row.name });
    const posted = options.announce !== false ? await this.messages.postSystemMessage(conversationId, line) : null;
    const text = posted?.body ?? line.en;
    this.fanout.emit(conversation.channel, conversationId, 'conversation.participant', {
      conversationId,
      change: 'left',
      participant: toParticipantView(row),
      text,
    });
  }
}
