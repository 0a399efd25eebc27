import { Injectable } from '@nestjs/common';
import { Clock, DomainEventBus, PiiMasker, newId, type Tx } from '@switchboard/core';
import type { ConversationView } from '../chat.types.js';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { participantRow, type ParticipantInput } from './conversation-participant.service.js';
import { ConversationTimers, type ConversationDeadline } from './conversation-timers.service.js';
import { toConversationView } from './conversation-views.js';

export interface StartConversationInput {
  companyId: string;
  channel: string;
  channelInstanceId?: string | null;
  contactId?: string | null;
  subject?: string | null;
  meta?: Record<string, unknown>;
  /** 'waiting' until an owner technician joins (queues, portal), 'active' when started by one. */
  status?: 'waiting' | 'active';
  participants?: ParticipantInput[];
  /** Armed in the start's transaction: a waiting conversation never exists without its deadlines. */
  deadlines?: ConversationDeadline[];
  /** Rows the channel writes with the start (a queue-routed chat's place in its queue), same transaction. */
  withStart?: (conversationId: string, tx: Tx) => Promise<void>;
}

/** A conversation's start: the conversation, its participants and its deadlines in ONE write. */
@Injectable()
export class ConversationStartService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly participants: ParticipantRepository,
    private readonly timers: ConversationTimers,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
  ) {}

  async start(input: StartConversationInput): Promise<ConversationView> {
    const now = this.clock.now();
    const conversation = Object.assign(new ConversationEntity(), {
      id: newId(),
      companyId: input.companyId,
      channel: input.channel,
      channelInstanceId: input.channelInstanceId ?? null,
      // Ingest mode: masked before it is stored (the subject is the visitor's question).
      status: input.status ?? 'waiting',
      contactId: input.contactId ?? null,
      subject: this.masker.maskInbound(input.subject?.slice(0, 300) ?? null, input.companyId),
      ticketId: null,
      meta: input.meta ?? {},
      lastSeq: 0,
      createdAt: now,
      lastMessageAt: null,
      endedAt: null,
      endedReason: null,
      endedByKind: null,
      endedById: null,
    });
    await this.conversations.runInTransaction(async (tx) => {
      await this.conversations.insert(conversation, tx);
      await this.participants.insertMany(
        (input.participants ?? []).map((p) => participantRow(conversation.id, p, now)),
        tx,
      );
      await this.timers.arm(conversation.id, input.deadlines ?? [], tx);
      await input.withStart?.(conversation.id, tx);
    });
    await this.events.publish('conversation.started', {
      conversationId: conversation.id,
      companyId: conversation.companyId,
      channel: conversation.channel,
      channelInstanceId: conversation.channelInstanceId,
      contactId: conversation.contactId,
    });
    return toConversationView(conversation);
  }
}
