import { Injectable } from '@nestjs/common';
import { AccessPolicy, NotFoundError, type AccountPrincipal } from '@switchboard/core';
import type { ConversationStatus, ConversationView, ParticipantKind } from '../chat.types.js';
import type { ConversationEntity } from '../entities/conversation.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { toConversationView } from './conversation-views.js';

/** The conversation record: reading it (one, or lists a channel needs), its channel data and its ticket link. */
@Injectable()
export class ConversationRecordService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly access: AccessPolicy,
  ) {}

  async get(id: string): Promise<ConversationView> {
    return toConversationView(await this.load(id));
  }

  /** Technicians may watch any conversation of a company they serve; others get a 404 (no oracle). */
  async getForTechnician(id: string, account: AccountPrincipal): Promise<ConversationView> {
    const conversation = await this.load(id);
    if (!this.access.canAccessCompany(account, conversation.companyId)) throw new NotFoundError('Conversation', id);
    return toConversationView(conversation);
  }

  /** A channel's conversations for one instance (e.g. a device's agent chats), newest first. */
  async listForInstance(
    channel: string,
    channelInstanceId: string,
    statuses: ConversationStatus[],
  ): Promise<ConversationView[]> {
    return (await this.conversations.listForInstance(channel, channelInstanceId, statuses)).map(toConversationView);
  }

  /** Conversations of a channel a participant is (or was) in, newest first; `since` bounds ended ones. */
  async listForParticipant(
    channel: string,
    kind: ParticipantKind,
    refId: string,
    options: { endedSince?: Date; limit?: number } = {},
  ): Promise<ConversationView[]> {
    return (
      await this.conversations.listForParticipant(
        channel,
        kind,
        refId,
        options.endedSince ?? new Date(0),
        Math.min(options.limit ?? 100, 500),
      )
    ).map(toConversationView);
  }

  /** Open conversations of a channel on a ticket (a technician starting a chat from the ticket). */
  async listOpenForTicket(channel: string, ticketId: string): Promise<ConversationView[]> {
    return (await this.conversations.listOpenForTicket(channel, ticketId)).map(toConversationView);
  }

  /** Shallow-merges channel data into `meta` (e.g. the portal's case type after a conversion). */
  async patchMeta(conversationId: string, patch: Record<string, unknown>): Promise<ConversationView> {
    const conversation = await this.load(conversationId);
    conversation.meta = { ...(conversation.meta ?? {}), ...patch };
    await this.conversations.updateMeta(conversationId, conversation.meta);
    return toConversationView(conversation);
  }

  async linkTicket(conversationId: string, ticketId: string | null): Promise<void> {
    await this.conversations.setTicket(conversationId, ticketId);
  }

  private async load(id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findById(id);
    if (!conversation) throw new NotFoundError('Conversation', id);
    return conversation;
  }
}
