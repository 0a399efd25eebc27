import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, DomainEventBus, PiiMasker, ValidationFailedError } from '@switchboard/core';
import {
  DEFAULT_MAX_MESSAGE_LENGTH,
  type ConversationActor,
  type MessageFile,
  type MessageKind,
  type MessageView,
  type ParticipantKind,
} from '../chat.types.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { MessageRepository } from '../repositories/message.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { fileMessageBody, toMessageView } from './conversation-views.js';
import { MessageWriter } from './message-writer.service.js';
import { ConversationLanguageService, type LocalText } from './conversation-language.service.js';
import { AgentMessageRules } from './agent-message-rules.service.js';

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

/** A conversation's messages: posting (group committed, then fanned out), files, system lines, typing, reading. */
@Injectable()
export class ConversationMessageService {
  private readonly logger = new Logger('Conversations');
  /** conversation → company, for ingest masking on the hot path (a conversation never changes company). */
  private readonly companies = new Map<string, string>();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly writer: MessageWriter,
    private readonly fanout: ConversationFanout,
    private readonly events: DomainEventBus,
    private readonly masker: PiiMasker,
    private readonly language: ConversationLanguageService,
    private readonly agentRules: AgentMessageRules,
  ) {}

  private async companyOf(conversationId: string): Promise<string | null> {
    const known = this.companies.get(conversationId);
    if (known) return known;
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation) return null;
    if (this.companies.size >= 10_000) this.companies.clear();
    this.companies.set(conversationId, conversation.companyId);
    return conversation.companyId;
  }

  /**
   * Validates, group-commits, then delivers. Resolves after COMMIT: the ack a sender gets means
   * the message is stored. A retried clientId answers with the stored message and sends nothing.
   */
  async post(input: PostMessageInput): Promise<{ message: MessageView; duplicate: boolean }> {
    const kind = input.kind ?? 'text';
    const max = input.maxLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    if (kind === 'text') {
      if (typeof input.body !== 'string' || input.body.trim().length === 0)
        throw new ValidationFailedError('The message is empty', { body: ['must not be empty'] });
      if (input.body.length > max)
        throw new ValidationFailedError(`Messages are limited to ${max} characters`, {
          body: [`must be at most ${max} characters`],
        });
      if (input.author.kind === 'technician') await this.agentRules.check(input.conversationId, input.body);
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
    return this.post({
      conversationId: input.conversationId,
      author: input.author,
      kind: 'file',
      body: fileMessageBody(file),
      clientId: input.clientId ?? null,
    });
  }

  /** A system line ("X joined the chat") in the customer's language; allowed until the conversation ends. */
  async postSystemMessage(conversationId: string, text: LocalText): Promise<MessageView | null> {
    try {
      return (
        await this.post({
          conversationId,
          author: { kind: 'system', name: 'System' },
          body: await this.language.resolve(conversationId, text),
          kind: 'system',
          maxLength: 10_000,
        })
      ).message;
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  }

  async list(conversationId: string, afterSeq = 0, limit = 1000): Promise<MessageView[]> {
    return (
      await this.messages.listAfter(conversationId, Math.max(0, afterSeq), Math.min(Math.max(limit, 1), 5000))
    ).map(toMessageView);
  }

  async first(conversationId: string, limit: number): Promise<MessageView[]> {
    return (await this.messages.listFirst(conversationId, limit)).map(toMessageView);
  }

  /** The newest `limit` messages in chronological order (the end of a long thread). */
  async last(conversationId: string, limit: number): Promise<MessageView[]> {
    return (await this.messages.listLast(conversationId, Math.min(Math.max(limit, 1), 5000))).map(toMessageView);
  }

  hasFile(conversationId: string, fileId: string): Promise<boolean> {
    return this.messages.hasFile(conversationId, fileId);
  }

  typing(
    conversationId: string,
    channel: string,
    author: { kind: ParticipantKind; id: string | null; name: string },
    typing: boolean,
  ): void {
    this.fanout.emit(channel, conversationId, 'conversation.typing', { conversationId, typing, author });
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
}
