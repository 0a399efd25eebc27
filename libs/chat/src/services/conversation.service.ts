import { Injectable, Logger } from '@nestjs/common';
import {
  AccessPolicy,
  Clock,
  ConflictError,
  DomainEventBus,
  NotFoundError,
  PiiMasker,
  ValidationFailedError,
  newId,
  type AccountPrincipal,
} from '@switchboard/core';
import {
  DEFAULT_MAX_MESSAGE_LENGTH,
  type ConversationActor,
  type ConversationStatus,
  type ConversationView,
  type MessageFile,
  type MessageKind,
  type MessageView,
  type ParticipantKind,
  type ParticipantRole,
  type ParticipantView,
} from '../chat.types.js';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { ParticipantEntity } from '../entities/participant.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { MessageRepository } from '../repositories/message.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { ConversationTimers, type ConversationDeadline } from './conversation-timers.service.js';
import { fileMessageBody, toConversationView, toMessageView, toParticipantView } from './conversation-views.js';
import { MessageWriter } from './message-writer.service.js';
import { ParticipantCache } from './participant-cache.js';

export interface ParticipantInput {
  kind: ParticipantKind;
  refId: string;
  name: string;
  role?: ParticipantRole;
}

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
}

/** Timers that change with waiting → active, in the same transaction as the status change. */
export interface ActivationTimers {
  cancel?: string[];
  arm?: ConversationDeadline[];
}

export interface PostMessageInput {
  conversationId: string;
  author: ConversationActor;
  body: string;
  kind?: MessageKind;
  /** Sender-generated idempotency key: the same clientId twice is one message. */
  clientId?: string | null;
  /** The channel's own id (de-duplication of redeliveries). */
  externalId?: string | null;
  /** The channel's composer limit; defaults to 1,000 characters. */
  maxLength?: number;
  /** The sending socket: it gets the message in its ack, so the room broadcast skips it. */
  originSocketId?: string;
}

export interface EndInput {
  reason: string;
  by?: ConversationActor | null;
  /** A system line stored before the end ("The customer ended the conversation"). */
  text?: string;
}

/**
 * The conversation core shared by every chat channel: start, participants, messages (group
 * committed, then fanned out), typing, end. Channel libs (portal, agent chat) and routing build
 * on it; it knows nothing about cases, queues or devices.
 */
@Injectable()
export class ConversationService {
  private readonly logger = new Logger('Conversations');

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly participants: ParticipantRepository,
    private readonly messages: MessageRepository,
    private readonly writer: MessageWriter,
    private readonly fanout: ConversationFanout,
    private readonly timers: ConversationTimers,
    private readonly cache: ParticipantCache,
    private readonly access: AccessPolicy,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
  ) {}

  /** conversation → company, for ingest masking on the hot path (a conversation never changes company). */
  private readonly companies = new Map<string, string>();

  private async companyOf(conversationId: string): Promise<string | null> {
    const known = this.companies.get(conversationId);
    if (known) return known;
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation) return null;
    if (this.companies.size >= 10_000) this.companies.clear();
    this.companies.set(conversationId, conversation.companyId);
    return conversation.companyId;
  }

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
    await this.messages.runInTransaction(async (tx) => {
      await this.conversations.insert(conversation, tx);
      await this.participants.insertMany(
        (input.participants ?? []).map((p) => this.participantRow(conversation.id, p, now)),
        tx,
      );
      await this.timers.arm(conversation.id, input.deadlines ?? [], tx);
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

  async get(id: string): Promise<ConversationView> {
    return toConversationView(await this.load(id));
  }

  /** Technicians may watch any conversation of a company they serve; others get a 404 (no oracle). */
  async getForTechnician(id: string, account: AccountPrincipal): Promise<ConversationView> {
    const conversation = await this.load(id);
    if (!this.access.canAccessCompany(account, conversation.companyId)) throw new NotFoundError('Conversation', id);
    return toConversationView(conversation);
  }

  async listMessages(conversationId: string, afterSeq = 0, limit = 1000): Promise<MessageView[]> {
    return (
      await this.messages.listAfter(conversationId, Math.max(0, afterSeq), Math.min(Math.max(limit, 1), 5000))
    ).map(toMessageView);
  }

  async firstMessages(conversationId: string, limit: number): Promise<MessageView[]> {
    return (await this.messages.listFirst(conversationId, limit)).map(toMessageView);
  }

  async listParticipants(conversationId: string): Promise<ParticipantView[]> {
    return (await this.participants.list(conversationId)).map(toParticipantView);
  }

  /** Cached (short TTL) so the hot send path does not query participants per message. */
  isActiveParticipant(conversationId: string, kind: ParticipantKind, refId: string): Promise<boolean> {
    return this.cache.get(conversationId, kind, refId);
  }

  /**
   * Validates, group-commits, then delivers. Resolves after COMMIT: the ack a sender gets means
   * the message is stored. A retried clientId answers with the stored message and sends nothing.
   */
  async postMessage(input: PostMessageInput): Promise<{ message: MessageView; duplicate: boolean }> {
    const kind = input.kind ?? 'text';
    const max = input.maxLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    if (kind === 'text') {
      if (typeof input.body !== 'string' || input.body.trim().length === 0)
        throw new ValidationFailedError('The message is empty', { body: ['must not be empty'] });
      if (input.body.length > max)
        throw new ValidationFailedError(`Messages are limited to ${max} characters`, {
          body: [`must be at most ${max} characters`],
        });
    }
    const author = input.author;
    // Ingest mode: the raw text never reaches the database, the events or the plugins.
    const companyId = await this.companyOf(input.conversationId);
    const written = await this.writer.write({
      // A file message's body is its stored reference (JSON, the name already masked by postFile).
      conversationId: input.conversationId,
      kind,
      body: kind === 'file' ? input.body : this.masker.maskInbound(input.body, companyId),
      clientId: input.clientId ?? null,
      externalId: input.externalId ?? null,
      authorKind: author.kind,
      authorName: this.masker.maskInbound(author.name ?? 'System', companyId),
      authorAccountId: author.kind === 'technician' ? author.id : null,
      authorContactId: author.kind === 'contact' ? author.id : null,
    });
    const message = toMessageView(written.message);
    if (!written.duplicate && written.conversation) this.deliver(message, written.conversation, input.originSocketId);
    return { message, duplicate: written.duplicate };
  }

  /** A file message (the file is already stored and checked by the channel); ingest masking applies to its name. */
  async postFile(input: {
    conversationId: string;
    author: ConversationActor;
    file: MessageFile;
    clientId?: string | null;
  }): Promise<{ message: MessageView; duplicate: boolean }> {
    const companyId = await this.companyOf(input.conversationId);
    const file = { ...input.file, name: this.masker.maskInbound(input.file.name, companyId) ?? input.file.name };
    return this.postMessage({
      conversationId: input.conversationId,
      author: input.author,
      kind: 'file',
      body: fileMessageBody(file),
      clientId: input.clientId ?? null,
    });
  }

  hasFile(conversationId: string, fileId: string): Promise<boolean> {
    return this.messages.hasFile(conversationId, fileId);
  }

  /**
   * waiting → active, atomically: exactly one of several racing callers (two technicians
   * accepting, two instances) gets true. Used when the acceptance is not an owner joining.
   */
  activate(conversationId: string, timers: ActivationTimers = {}): Promise<boolean> {
    return this.messages.runInTransaction(async (tx) => {
      const won = await this.conversations.transition(conversationId, ['waiting'], { status: 'active' }, tx);
      if (!won) return false;
      await this.timers.cancelMany(timers.cancel ?? [], conversationId, tx);
      await this.timers.arm(conversationId, timers.arm ?? [], tx);
      return true;
    });
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

  /** A system line ("X joined the chat"); allowed until the conversation ends. */
  async postSystemMessage(conversationId: string, text: string): Promise<MessageView | null> {
    try {
      return (
        await this.postMessage({
          conversationId,
          author: { kind: 'system', name: 'System' },
          body: text,
          kind: 'system',
          maxLength: 10_000,
        })
      ).message;
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  }

  typing(
    conversationId: string,
    channel: string,
    author: { kind: ParticipantKind; id: string | null; name: string },
    typing: boolean,
  ): void {
    this.fanout.emit(channel, conversationId, 'conversation.typing', { conversationId, typing, author });
  }

  /** Adds (or brings back) a participant. An owner technician turns a waiting conversation active. */
  async addParticipant(
    conversationId: string,
    input: ParticipantInput,
    options: { announce?: boolean } = {},
  ): Promise<ParticipantView> {
    const conversation = await this.load(conversationId);
    if (conversation.status === 'ended') throw new ConflictError('This conversation has ended');
    const now = this.clock.now();
    let row = await this.participants.find(conversationId, input.kind, input.refId);
    if (row) Object.assign(row, { leftAt: null, joinedAt: now, name: input.name, role: input.role ?? row.role });
    else row = this.participantRow(conversationId, input, now);
    await this.participants.save(row);
    this.cache.forget(conversationId, input.kind, input.refId);
    if (input.kind === 'technician' && row.role === 'owner') {
      await this.conversations.transition(conversationId, ['waiting'], { status: 'active' });
    }
    const view = toParticipantView(row);
    const text = `${input.name} joined the chat`;
    if (options.announce !== false) await this.postSystemMessage(conversationId, text);
    this.fanout.emit(conversation.channel, conversationId, 'conversation.participant', {
      conversationId,
      change: 'joined',
      participant: view,
      text,
    });
    return view;
  }

  async removeParticipant(
    conversationId: string,
    kind: ParticipantKind,
    refId: string,
    options: { announce?: boolean } = {},
  ): Promise<void> {
    const conversation = await this.load(conversationId);
    const row = await this.participants.find(conversationId, kind, refId);
    if (!row || row.leftAt) return;
    row.leftAt = this.clock.now();
    await this.participants.save(row);
    this.cache.forget(conversationId, kind, refId);
    const text = `${row.name} left the chat`;
    if (options.announce !== false) await this.postSystemMessage(conversationId, text);
    this.fanout.emit(conversation.channel, conversationId, 'conversation.participant', {
      conversationId,
      change: 'left',
      participant: toParticipantView(row),
      text,
    });
  }

  /** Ends once (atomic; a second caller gets false). Cancels the conversation's timers. */
  async end(conversationId: string, input: EndInput): Promise<boolean> {
    const conversation = await this.load(conversationId);
    if (conversation.status === 'ended') return false;
    if (input.text) await this.postSystemMessage(conversationId, input.text);
    const now = this.clock.now();
    const by = input.by ?? null;
    // The end, its participants leaving and its timers going are one unit of work.
    const moved = await this.messages.runInTransaction(async (tx) => {
      const won = await this.conversations.transition(
        conversationId,
        ['waiting', 'active'],
        {
          status: 'ended',
          endedAt: now,
          endedReason: input.reason.slice(0, 40),
          endedByKind: by?.kind ?? null,
          endedById: by?.id ?? null,
        },
        tx,
      );
      if (!won) return false;
      await this.participants.leaveAll(conversationId, now, tx);
      await this.timers.cancelAll(conversationId, tx);
      return true;
    });
    if (!moved) return false;
    this.cache.forgetConversation(conversationId);
    this.fanout.emit(conversation.channel, conversationId, 'conversation.ended', {
      conversationId,
      reason: input.reason,
      endedBy: by ? { kind: by.kind, name: by.name ?? 'System' } : null,
      text: input.text ?? null,
    });
    await this.events.publish('conversation.ended', {
      conversationId,
      companyId: conversation.companyId,
      channel: conversation.channel,
      reason: input.reason,
    });
    return true;
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

  /** Erases the conversation, its participants and messages for good (GDPR-style deletion). */
  async purge(conversationId: string): Promise<void> {
    await this.timers.cancelAll(conversationId);
    await this.conversations.purge(conversationId);
    this.cache.forgetConversation(conversationId);
  }

  private deliver(
    message: MessageView,
    conversation: { channel: string; companyId: string },
    exceptSocketId?: string,
  ): void {
    this.fanout.emit(
      conversation.channel,
      message.conversationId,
      'conversation.message',
      { conversationId: message.conversationId, message },
      exceptSocketId,
    );
    // Subscribers (cases preview, later SLA/sentiment) must not hold the sender's ack.
    this.events
      .publish('conversation.message.created', {
        conversationId: message.conversationId,
        companyId: conversation.companyId,
        channel: conversation.channel,
        messageId: message.id,
        seq: message.seq,
        kind: message.kind,
        authorKind: message.author.kind,
        body: message.body,
      })
      .catch((err) => this.logger.error({ err }, 'conversation.message.created subscribers failed'));
  }

  private async load(id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findById(id);
    if (!conversation) throw new NotFoundError('Conversation', id);
    return conversation;
  }

  private participantRow(conversationId: string, p: ParticipantInput, at: Date): ParticipantEntity {
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
}
